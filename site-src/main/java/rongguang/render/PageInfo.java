package rongguang.render;

/**
 * What every template knows of the page it renders.
 *
 * @param path        the page's URL relative to the site root, e.g. {@code articles/x/}
 * @param root        the way back to the site root from this page, e.g. {@code ../../}; prefix every site link
 * @param section     the menu section the page belongs to (home, articles, cities, exemplars, merchants)
 * @param canonical   the page's absolute URL under baseUrl
 */
public record PageInfo(String path, String root, String title, String description, String section,
                       String canonical) {

    /** A link to the home page from here. */
    public String home() {
        return root.isEmpty() ? "./" : root;
    }
}
