from .models import Post


def posts_for_choice():
    return Post.objects.filter(is_active=True).select_related("region").order_by("kind", "name")
