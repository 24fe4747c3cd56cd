app_name = "vertrouwenspersonen"
urlpatterns: list = []
