"""Walking a list endpoint page by page, the way a client is told to: pass `next` back."""


def every_item(client, path, max_pages=100, **params):
    """GET path with params, then again with `cursor` set to each answer's `next` until it
    is null; every item of every page, in order. Pages never exceed `limit` items."""
    items, query = [], dict(params)
    for _ in range(max_pages):
        response = client.get(path, query_string=query)
        assert response.status_code == 200, response.json
        page = response.json
        if "limit" in params:
            assert len(page["items"]) <= int(params["limit"]), page
        items += page["items"]
        if page["next"] is None:
            return items
        query["cursor"] = page["next"]
    raise AssertionError(f"{path} still had a next page after {max_pages} pages")
