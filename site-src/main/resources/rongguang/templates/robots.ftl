User-agent: *
Allow: /

Sitemap: ${site.settings.absolute("sitemap.xml")}
