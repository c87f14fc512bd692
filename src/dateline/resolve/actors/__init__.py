"""People and organisations: the actor knowledge base and linking against it."""
