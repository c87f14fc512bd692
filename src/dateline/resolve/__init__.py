"""Resolution: decide what each candidate span is and which real-world identity it names.

* ``gazetteer/`` and ``places.py`` — places, geocoded with a precision code;
* ``actors/`` — people and organisations against the actor knowledge base;
* ``entities.py`` — reconcile the two views into one entity list.
"""
