print("puiseux")
