package rongguang.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Hugo side of a benchmark: configuration and layouts that render what Rongguang renders for the same
 * articles (an article page each with previous/next, a home page, paginated lists of ten for all posts, each
 * column and each tag, RSS feeds and a sitemap), with a page frame of similar weight.
 */
final class HugoSite {
    private HugoSite() {}

    static void writeSkeleton(Path hugo) throws IOException {
        write(hugo.resolve("config.toml"), """
                baseURL = "https://bench.example.gov.cn/"
                languageCode = "zh-cn"
                title = "双拥宣传门户（基准测试）"
                paginate = 10
                hasCJKLanguage = true
                timeZone = "Asia/Shanghai"
                [taxonomies]
                  category = "categories"
                  tag = "tags"
                [markup.goldmark.renderer]
                  unsafe = false
                """);
        write(hugo.resolve("layouts/_default/baseof.html"), """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{{ .Title }} - {{ .Site.Title }}</title>
                <meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ .Summary | plainify | truncate 120 }}{{ end }}">
                <link rel="canonical" href="{{ .Permalink }}">
                <link rel="stylesheet" href="{{ "assets/style.css" | relURL }}">
                </head>
                <body>
                <a class="skip" href="#main">跳到正文</a>
                <header><a href="{{ "" | relURL }}">{{ .Site.Title }}</a>
                <nav aria-label="主导航"><ul>
                {{ range .Site.Taxonomies.categories.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a></li>{{ end }}
                </ul></nav></header>
                <main id="main">{{ block "main" . }}{{ end }}</main>
                <footer><p>主办：基准测试</p></footer>
                </body>
                </html>
                """);
        write(hugo.resolve("layouts/_default/single.html"), """
                {{ define "main" }}<article>
                <h1>{{ .Title }}</h1>
                <p><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "2006年1月2日" }}</time>
                {{ range .Params.categories }}<a href="{{ "categories/" | relURL }}{{ . | urlize }}/">{{ . }}</a>{{ end }}</p>
                {{ .Content }}
                <ul class="tags">{{ range .Params.tags }}<li><a href="{{ "tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul>
                <nav aria-label="上一篇和下一篇">
                {{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
                {{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
                </nav></article>{{ end }}
                """);
        write(hugo.resolve("layouts/_default/list.html"), """
                {{ define "main" }}<h1>{{ .Title }}</h1>
                <ul class="articles">{{ range .Paginator.Pages }}<li><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
                <p>{{ .Summary | plainify | truncate 120 }}</p><time>{{ .Date.Format "2006年1月2日" }}</time></li>{{ end }}</ul>
                {{ template "_internal/pagination.html" . }}{{ end }}
                """);
        // the home page shows the latest posts; the paginated list of all of them is the section page posts/
        write(hugo.resolve("layouts/index.html"), """
                {{ define "main" }}<h1>{{ .Site.Title }}</h1>
                <ul class="articles">{{ range first 8 .Site.RegularPages.ByDate.Reverse }}<li><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
                <p>{{ .Summary | plainify | truncate 120 }}</p></li>{{ end }}</ul>
                <p><a href="{{ "posts/" | relURL }}">全部文章</a></p>{{ end }}
                """);
        write(hugo.resolve("static/assets/style.css"), "body{font-family:sans-serif;max-width:60em;margin:auto}\n");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
