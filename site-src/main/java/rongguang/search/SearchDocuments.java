package rongguang.search;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import rongguang.model.Article;
import rongguang.model.Body;
import rongguang.model.City;
import rongguang.model.Exemplar;
import rongguang.model.Honor;
import rongguang.model.Merchant;
import rongguang.model.Site;
import rongguang.model.Stat;

/**
 * The documents of a site in index order, which is also the order of ties in the ranking: cities, exemplars and
 * merchants first (they describe the present, so they count as newest), then articles newest first.
 */
public final class SearchDocuments {
    private SearchDocuments() {}

    public static List<SearchDocument> of(Site site) {
        List<SearchDocument> docs = new ArrayList<>();
        for (City c : site.cities()) {
            docs.add(new SearchDocument(SearchDocument.Kind.CITY, c.url(), c.name(), null, () -> city(c), null));
        }
        for (Exemplar e : site.exemplars()) {
            docs.add(new SearchDocument(SearchDocument.Kind.EXEMPLAR, e.url(), e.name(), null, () -> exemplar(site, e), null));
        }
        for (Merchant m : site.merchants()) {
            docs.add(new SearchDocument(SearchDocument.Kind.MERCHANT, m.url(), m.name(), null, () -> merchant(site, m), null));
        }
        for (Article a : site.articles()) {
            docs.add(new SearchDocument(SearchDocument.Kind.ARTICLE, a.url(), a.title(), a.isoDate(), () -> article(a),
                    source(a)));
        }
        return docs;
    }

    private static CharBuffer city(City c) {
        Lines l = Lines.start();
        l.add(c.province());
        l.add(c.target());
        l.add(c.summary());
        for (Honor h : c.honors()) {
            StringJoiner line = new StringJoiner(" ");
            line.add(h.title()).add(h.countLabel());
            if (!h.years().isEmpty()) line.add(String.join("、", h.years().stream().map(y -> y + "年").toList()));
            if (h.note() != null) line.add(h.note());
            l.add(line.toString());
        }
        for (Stat s : c.stats()) l.add(s.label() + " " + s.text());
        return l.chars();
    }

    private static CharBuffer exemplar(Site site, Exemplar e) {
        Lines l = Lines.start();
        City city = site.city(e.city());
        l.add(e.category() + (city == null ? "" : " " + city.name()));
        l.add(e.summary());
        l.add(e.role());
        l.add(e.service());
        for (Exemplar.Title t : e.titles()) l.add(t.text() + (t.issuer() == null ? "" : " " + t.issuer()));
        l.add(PlainText.of(e.storyHtml()));
        return l.chars();
    }

    private static CharBuffer merchant(Site site, Merchant m) {
        Lines l = Lines.start();
        City city = site.city(m.city());
        l.add(m.category() + " " + (city == null ? "" : city.name()) + (m.district() == null ? "" : " " + m.district()));
        l.add(m.address());
        for (Merchant.Offer o : m.offers()) {
            l.add(String.join("、", o.groups()) + (o.label() == null ? "" : " " + o.label()) + "：" + o.text());
        }
        if (m.credentials() != null && !m.credentials().isEmpty()) l.add("凭" + String.join("、", m.credentials()));
        l.add(m.alliance());
        return l.chars();
    }

    /** An article's text follows from its source file, but for the names of its column and tags. */
    private static String source(Article a) {
        if (a.digest() == null) return null;
        StringJoiner s = new StringJoiner("\n");
        s.add(a.digest()).add(a.column() == null ? "" : a.column().name());
        a.tags().forEach(t -> s.add(t.name()));
        return s.toString();
    }

    private static CharBuffer article(Article a) {
        Lines l = Lines.start();
        l.add(a.kicker());
        l.add(a.subtitle());
        StringJoiner meta = new StringJoiner(" ");
        if (a.column() != null) meta.add(a.column().name());
        a.tags().forEach(t -> meta.add(t.name()));
        a.authors().forEach(meta::add);
        if (a.source() != null) meta.add(a.source());
        l.add(meta.toString());
        l.addBody(a.body());
        return l.chars();
    }

    /**
     * Lines of text, stripped, skipping what is missing; in a buffer the thread keeps, since the text of every
     * document passes through one (as a body, its text, a builder and a string, it was a quarter of what the index
     * allocated). The index reads the text from the buffer; no string of it is made.
     */
    private static final class Lines {
        private static final ThreadLocal<Lines> BUFFER = ThreadLocal.withInitial(Lines::new);
        private char[] chars = new char[16 * 1024];
        private int length;
        private java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16 * 1024);

        static Lines start() {
            Lines lines = BUFFER.get();
            lines.length = 0;
            return lines;
        }

        void add(String line) {
            if (line == null) return;
            room(line.length() + 1);
            int start = next();
            line.getChars(0, line.length(), chars, start);
            int[] stripped = PlainText.strip(chars, start, start + line.length());
            System.arraycopy(chars, stripped[0], chars, start, stripped[1] - stripped[0]);
            end(start, start + stripped[1] - stripped[0]);
        }

        /** The text of an article body, as a line (see {@link PlainText}); read into a buffer kept with these. */
        void addBody(Body body) {
            bytes = body.utf8(bytes);
            room(bytes.remaining() + 1);
            int start = next();
            end(start, PlainText.append(bytes, chars, start));
        }

        /** Where the next line starts, after the newline that will end this one's if it is not empty. */
        private int next() {
            return length > 0 ? length + 1 : 0;
        }

        /** Takes the line written at {@code [start, end)}, unless it is empty. */
        private void end(int start, int end) {
            if (end == start) return;
            if (length > 0) chars[length] = '\n';
            length = end;
        }

        private void room(int more) {
            if (length + more > chars.length) chars = java.util.Arrays.copyOf(chars, 2 * (length + more));
        }

        /** The lines, in the thread's buffer. */
        CharBuffer chars() {
            return CharBuffer.wrap(chars, 0, length);
        }
    }
}
