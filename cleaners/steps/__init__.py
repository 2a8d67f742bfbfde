"""The cleaning steps, in the order the pipeline runs them."""
