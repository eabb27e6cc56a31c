"""The boilerplate classifier: block features, the shipped model, and inline decisions."""
