print("formwright")
