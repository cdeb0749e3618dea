package rongguang.render;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of a paginated list: page 1 lives at {@code base}, page N at {@code base + "page/N/"}.
 *
 * @param number     1-based
 * @param totalPages at least 1, even for an empty list
 */
public record Pager<T>(String base, int number, int totalPages, int totalItems, List<T> items) {

    public static <T> List<Pager<T>> paginate(List<T> items, int pageSize, String base) {
        int pages = Math.max(1, (items.size() + pageSize - 1) / pageSize);
        List<Pager<T>> out = new ArrayList<>(pages);
        for (int n = 1; n <= pages; n++) {
            List<T> slice = items.subList((n - 1) * pageSize, Math.min(items.size(), n * pageSize));
            out.add(new Pager<>(base, n, pages, items.size(), List.copyOf(slice)));
        }
        return out;
    }

    public static String pathOf(String base, int n) {
        return n == 1 ? base : base + "page/" + n + "/";
    }

    public String path() {
        return pathOf(base, number);
    }

    /** The site-relative path of page {@code n} of this list. */
    public String pathOf(int n) {
        return pathOf(base, n);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < totalPages;
    }

    /** Page numbers to link to: the first, the last, and two on each side of this one; 0 marks a gap. */
    public List<Integer> window() {
        List<Integer> out = new ArrayList<>();
        for (int n = 1; n <= totalPages; n++) {
            if (n == 1 || n == totalPages || Math.abs(n - number) <= 2) {
                if (!out.isEmpty() && out.get(out.size() - 1) != n - 1) out.add(0);
                out.add(n);
            }
        }
        return out;
    }
}
