"""Pass one: metadata read from the intact tree (JSON-LD, meta tags, bylines, dates, breadcrumbs)."""
