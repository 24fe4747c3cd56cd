from functools import wraps

from django.core.exceptions import PermissionDenied


def role_required(*roles):
    """Let a view through only for verified staff whose role is one of `roles`.

    The middleware has already sent anonymous and unverified users to sign in; this is the second
    line, and the one that tells roles apart.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            user = request.user
            if not (user.is_authenticated and user.is_verified() and user.is_active and user.role in roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.allowed_roles = frozenset(roles)
        return wrapped

    return decorator
