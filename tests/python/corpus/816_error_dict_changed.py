# Uncaught RuntimeError from changing a dict's size while iterating over it.
scores = {"ada": 3, "bob": 0, "cy": 5}
for name in scores:
    print("checking", name)
    if scores[name] == 0:
        del scores[name]
