print("chainrule")
