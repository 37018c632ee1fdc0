"""Pass two: the article's text, after chrome is cut from a copy of the tree."""
