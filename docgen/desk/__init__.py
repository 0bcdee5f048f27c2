"""``docgen edit``: the clerk's desk, a local web editor for minutes (Starlette + uvicorn).

``guard`` keeps the server to this machine and this run (Host, token, body size);
``session`` holds the file being edited and calls the same model/parse/render APIs as the
CLI; ``app`` maps URLs onto them; ``serve`` binds 127.0.0.1 and prints the address.
"""
