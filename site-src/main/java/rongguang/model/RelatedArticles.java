package rongguang.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Older and newer articles, and related ones: those sharing tags, exemplars, cities or the column, scored by
 * what they share (a tag 2, an exemplar 3, a city 1, the column 1), ties to the closest in time. Candidates come
 * from a window around the article in each list it shares, which keeps the work linear in the number of
 * articles however large a tag grows; terms are numbered first so that scoring compares ints, not strings.
 */
public final class RelatedArticles {
    /** How many neighbours in time, per shared term, are looked at. */
    static final int WINDOW = 12;
    static final int COUNT = 4;

    private final List<Article> articles;
    private final Map<Article, Integer> index = new IdentityHashMap<>();
    private final long[] epoch;
    private final int[] column;
    private final int[][] tags;
    private final int[][] exemplars;
    private final int[][] cities;
    /** The lists each article is in, as article numbers, and its place in each. */
    private final int[][][] lists;
    private final int[][] places;

    private RelatedArticles(List<Article> articles, Map<String, List<Article>> byTag,
                            Map<String, List<Article>> byCity, Map<String, List<Article>> byExemplar) {
        this.articles = articles;
        int n = articles.size();
        for (int i = 0; i < n; i++) index.put(articles.get(i), i);
        epoch = new long[n];
        column = new int[n];
        tags = new int[n][];
        exemplars = new int[n][];
        cities = new int[n][];
        lists = new int[n][][];
        places = new int[n][];
        Map<String, Integer> numbers = new HashMap<>();
        Map<List<Article>, int[]> numbered = new IdentityHashMap<>();
        Map<List<Article>, Map<Article, Integer>> placesIn = new IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            Article a = articles.get(i);
            epoch[i] = a.date().toEpochSecond();
            column[i] = a.column() == null ? -1 : numbers.computeIfAbsent("c:" + a.column().slug(), k -> numbers.size());
            tags[i] = a.tags().stream().mapToInt(t -> numbers.computeIfAbsent("t:" + t.slug(), k -> numbers.size())).toArray();
            exemplars[i] = a.exemplars().stream().mapToInt(e -> numbers.computeIfAbsent("e:" + e, k -> numbers.size())).toArray();
            cities[i] = a.cities().stream().mapToInt(c -> numbers.computeIfAbsent("p:" + c, k -> numbers.size())).toArray();
            List<List<Article>> mine = new ArrayList<>();
            a.tags().forEach(t -> mine.add(byTag.getOrDefault(t.slug(), List.of())));
            a.exemplars().forEach(e -> mine.add(byExemplar.getOrDefault(e, List.of())));
            a.cities().forEach(c -> mine.add(byCity.getOrDefault(c, List.of())));
            lists[i] = new int[mine.size()][];
            places[i] = new int[mine.size()];
            for (int k = 0; k < mine.size(); k++) {
                List<Article> list = mine.get(k);
                lists[i][k] = numbered.computeIfAbsent(list, l -> l.stream().mapToInt(x -> index.getOrDefault(x, -1)).toArray());
                places[i][k] = placesIn.computeIfAbsent(list, RelatedArticles::placesOf).getOrDefault(a, 0);
            }
        }
    }

    /**
     * What the last computation saw and found, kept by a process that builds the same site again (the dev server):
     * when no article's date, slug, column, tags, exemplars or cities changed, the related articles are the same,
     * and an edit of a body or a title costs no scoring.
     */
    public static final class Memo {
        private long[] signature = new long[0];
        private int[][] related;
    }

    static Map<String, Neighbours> of(List<Article> articles, List<TermIndex> tags, Map<String, List<Article>> byCity,
                                      Map<String, List<Article>> byExemplar, Memo memo) {
        long[] signature = memo == null ? null : signature(articles);
        int[][] related;
        if (memo != null && memo.related != null && Arrays.equals(signature, memo.signature)) {
            related = memo.related;
        } else {
            Map<String, List<Article>> byTag = new HashMap<>();
            for (TermIndex t : tags) byTag.put(t.slug(), t.articles());
            related = new RelatedArticles(articles, byTag, byCity, byExemplar).all();
            if (memo != null) {
                memo.signature = signature;
                memo.related = related;
            }
        }
        return neighbours(articles, related);
    }

    private static Map<String, Neighbours> neighbours(List<Article> articles, int[][] related) {
        int n = articles.size();
        Map<String, Neighbours> out = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            List<Article> mine = new ArrayList<>(related[i].length);
            for (int r : related[i]) mine.add(articles.get(r));
            Article newer = i > 0 ? articles.get(i - 1) : null;
            Article older = i + 1 < n ? articles.get(i + 1) : null;
            out.put(articles.get(i).slug(), new Neighbours(older, newer, List.copyOf(mine)));
        }
        return out;
    }

    /** Per article, in order, a 64-bit hash of everything scoring reads. */
    private static long[] signature(List<Article> articles) {
        long[] out = new long[articles.size()];
        for (int i = 0; i < out.length; i++) {
            Article a = articles.get(i);
            long h = mix(FNV, a.slug());
            h = (h ^ a.date().toEpochSecond()) * PRIME;
            h = mix(h, a.column() == null ? "\0" : a.column().slug());
            for (Term t : a.tags()) h = mix(h, t.slug());
            h = (h ^ 1) * PRIME;
            for (String e : a.exemplars()) h = mix(h, e);
            h = (h ^ 2) * PRIME;
            for (String c : a.cities()) h = mix(h, c);
            out[i] = h;
        }
        return out;
    }

    private static final long FNV = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) h = (h ^ s.charAt(i)) * PRIME;
        return (h ^ 0xFFFF) * PRIME;
    }

    /** For each article, the numbers of its related articles, best first. */
    private int[][] all() {
        int n = articles.size();
        int[][] out = new int[n][];
        int[] seen = new int[n];
        Arrays.fill(seen, -1);
        int[] best = new int[COUNT];
        int[] bestScore = new int[COUNT];
        for (int i = 0; i < n; i++) {
            int found = 0;
            for (int k = 0; k < lists[i].length; k++) {
                int[] list = lists[i][k];
                int at = places[i][k];
                for (int j = Math.max(0, at - WINDOW); j < Math.min(list.length, at + WINDOW + 1); j++) {
                    int c = list[j];
                    if (c < 0 || c == i || seen[c] == i) continue;
                    seen[c] = i;
                    // keep the best COUNT so far, in order: insertion into a tiny sorted array
                    int s = score(i, c);
                    int pos = Math.min(found, COUNT);
                    while (pos > 0 && before(i, c, s, best[pos - 1], bestScore[pos - 1])) pos--;
                    if (pos >= COUNT) continue;
                    int last = Math.min(found, COUNT - 1);
                    System.arraycopy(best, pos, best, pos + 1, last - pos);
                    System.arraycopy(bestScore, pos, bestScore, pos + 1, last - pos);
                    best[pos] = c;
                    bestScore[pos] = s;
                    found++;
                }
            }
            out[i] = Arrays.copyOf(best, Math.min(found, COUNT));
        }
        return out;
    }

    /** Whether candidate {@code c} (score {@code s}) ranks before {@code d}: higher score, closer in time, slug. */
    private boolean before(int self, int c, int s, int d, int ds) {
        if (s != ds) return s > ds;
        long dc = Math.abs(epoch[c] - epoch[self]);
        long dd = Math.abs(epoch[d] - epoch[self]);
        if (dc != dd) return dc < dd;
        return articles.get(c).slug().compareTo(articles.get(d).slug()) < 0;
    }

    private int score(int a, int b) {
        int s = 2 * shared(tags[a], tags[b]) + 3 * shared(exemplars[a], exemplars[b]) + shared(cities[a], cities[b]);
        return column[a] >= 0 && column[a] == column[b] ? s + 1 : s;
    }

    private static int shared(int[] a, int[] b) {
        int count = 0;
        for (int x : a) {
            for (int y : b) {
                if (x == y) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    private static Map<Article, Integer> placesOf(List<Article> list) {
        Map<Article, Integer> at = new IdentityHashMap<>();
        for (int i = 0; i < list.size(); i++) at.putIfAbsent(list.get(i), i);
        return at;
    }
}
