package rongguang.render;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import rongguang.hash.Hash128;
import rongguang.model.Article;
import rongguang.model.Body;
import rongguang.model.Site;

/**
 * Digests of what a page is rendered from: two values with the same digest render the same. Records are
 * digested field by field, lists in order, sets and maps in a fixed order. A value that appears on many pages (an
 * article, a tag's list) is digested once per build.
 *
 * <p>An article is digested by where it shows (every component but its text: {@link Article#isText}); what a page
 * reads of its text is added to the page's fingerprint by {@link TextReads}. Values written out whole (JSON pages)
 * are digested with {@link #wholeArticles}, where an article is its source file's digest.
 */
final class Digests {
    /** Grows as values are digested: a rebuild of the preview digests a handful, a full build thousands. */
    private final Map<Object, byte[]> memo = Collections.synchronizedMap(new IdentityHashMap<>());
    /**
     * The memo of the last build in this process, read only: the model is immutable, so an object it digested
     * that is still in this build's site (a data file's cities, a list the site was patched around) has the same
     * digest. The dev server then digests the data of 10,000 articles' site once, not on every save.
     */
    private final Map<Object, byte[]> earlier;
    private final boolean wholeArticles;
    private static final Map<Class<?>, MethodHandle[]> ACCESSORS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Long> SEEDS = new ConcurrentHashMap<>();
    /** The accessors of an article's components that tell where it shows, not what it says. */
    private static final MethodHandle[] PLACE = placeAccessors();

    Digests() {
        this(false, Map.of());
    }

    Digests(Map<Object, byte[]> earlier) {
        this(false, earlier);
    }

    private Digests(boolean wholeArticles, Map<Object, byte[]> earlier) {
        this.wholeArticles = wholeArticles;
        this.earlier = earlier;
    }

    /** Digests in which an article stands for all of its source, text included. */
    static Digests wholeArticles() {
        return new Digests(true, Map.of());
    }

    /** What this build digested, by identity: the next build's {@code earlier}. */
    Map<Object, byte[]> memo() {
        return memo;
    }

    byte[] of(Object value) {
        Hash128 md = new Hash128();
        update(md, value);
        return md.digest();
    }

    /**
     * The digest of a page's variables: the same as {@link #of} gives, but the map itself is not remembered (no
     * other page has it), sparing a synchronized insert per page.
     */
    byte[] ofVariables(Map<String, Object> variables) {
        Hash128 md = new Hash128();
        md.update((byte) 5);
        md.update(composite(variables, false));
        return md.digest();
    }

    private void update(Hash128 md, Object value) {
        if (value == null) {
            md.update((byte) 0);
        } else if (value instanceof String s) {
            md.update((byte) 1);
            md.update(s);
        } else if (value instanceof Article article) {
            md.update((byte) 2);
            if (wholeArticles) md.update(article.digest());
            else md.update(composite(article, true));
        } else if (value instanceof Body) {
            throw new IllegalArgumentException("正文只随文章计算摘要");
        } else if (value instanceof Site) {
            // what a page reads of the site is tracked member by member (SiteDependencies)
            md.update((byte) 4);
        } else if (value instanceof Record || value instanceof Collection<?> || value instanceof Map<?, ?>) {
            md.update((byte) 5);
            md.update(composite(value, true));
        } else {
            scalar(md, value);
        }
    }

    /** Scalars by value, with their type: numbers and times as numbers, not as formatted text. */
    private static void scalar(Hash128 md, Object value) {
        md.update((byte) 3);
        md.update(seed(value.getClass()));
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            md.update(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            md.update(b ? 1 : 0);
        } else if (value instanceof Character c) {
            md.update(c.charValue());
        } else if (value instanceof Enum<?> e) {
            md.update(e.ordinal());
        } else if (value instanceof ZonedDateTime t) {
            md.update(t.toEpochSecond());
            md.update(t.getNano());
            md.update(t.getZone().getId());
        } else if (value instanceof LocalDate d) {
            md.update(d.toEpochDay());
        } else if (value instanceof Number || value instanceof TemporalAccessor || value instanceof java.time.ZoneId
                || value instanceof java.net.URI || value instanceof java.util.Locale) {
            md.update(value.toString());
        } else {
            throw new IllegalArgumentException("页面变量无法计算摘要：" + value.getClass().getName());
        }
    }

    /** Composite values, memoized by identity: each article, tag list or city is hashed once however often shown. */
    private byte[] composite(Object value, boolean remember) {
        byte[] known = remember ? memo.get(value) : null;
        if (known != null) return known;
        if (remember && !earlier.isEmpty() && (known = earlier.get(value)) != null) {
            memo.put(value, known);
            return known;
        }
        Hash128 md = new Hash128();
        if (value instanceof Record record) {
            md.update(seed(record.getClass()));
            for (MethodHandle accessor : record instanceof Article ? PLACE : accessors(record.getClass())) {
                try {
                    update(md, (Object) accessor.invokeExact((Object) record));
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            }
        } else if (value instanceof List<?> list) {
            md.update((byte) 'L');
            for (Object item : list) update(md, item);
        } else if (value instanceof Collection<?> set) {
            md.update((byte) 'S');
            List<byte[]> items = new ArrayList<>();
            for (Object item : set) {
                Hash128 one = new Hash128();
                update(one, item);
                items.add(one.digest());
            }
            for (byte[] item : sorted(items)) md.update(item);
        } else {
            map(md, (Map<?, ?>) value);
        }
        byte[] digest = md.digest();
        if (remember) memo.put(value, digest);
        return digest;
    }

    /**
     * A map in the order of its keys' names, key then value; where two keys have the same name (a map with keys
     * of several types), in the order of each entry's own digest.
     */
    private void map(Hash128 md, Map<?, ?> map) {
        Map.Entry<?, ?>[] entries = map.entrySet().toArray(new Map.Entry<?, ?>[0]);
        String[] names = new String[entries.length];
        Integer[] order = new Integer[entries.length];
        for (int i = 0; i < entries.length; i++) {
            names[i] = String.valueOf(entries[i].getKey());
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> names[a].compareTo(names[b]));
        boolean distinct = true;
        for (int i = 1; i < order.length && distinct; i++) distinct = !names[order[i]].equals(names[order[i - 1]]);
        if (distinct) {
            md.update((byte) 'M');
            for (Integer i : order) {
                update(md, names[i]);
                update(md, entries[i].getValue());
            }
            return;
        }
        md.update((byte) 'E');
        List<byte[]> digests = new ArrayList<>();
        for (int i = 0; i < entries.length; i++) {
            Hash128 entry = new Hash128();
            update(entry, names[i]);
            Object key = entries[i].getKey();
            entry.update(key == null ? 0 : seed(key.getClass()));   // the type tells 1 from "1"
            update(entry, entries[i].getValue());
            digests.add(entry.digest());
        }
        for (byte[] entry : sorted(digests)) md.update(entry);
    }

    private static List<byte[]> sorted(List<byte[]> digests) {
        List<byte[]> out = new ArrayList<>(digests);
        out.sort(Arrays::compare);
        return out;
    }

    /**
     * The record's accessors as method handles typed {@code (Object)Object}: called for every component of every
     * value digested, where {@code Method.invoke} costs an argument array and an access check per call.
     */
    private static MethodHandle[] accessors(Class<?> type) {
        return ACCESSORS.computeIfAbsent(type, t -> handles(Arrays.stream(t.getRecordComponents())));
    }

    private static MethodHandle[] placeAccessors() {
        return handles(Arrays.stream(Article.class.getRecordComponents()).filter(c -> !Article.isText(c.getName())));
    }

    private static MethodHandle[] handles(java.util.stream.Stream<RecordComponent> components) {
        return components.map(c -> {
            Method accessor = c.getAccessor();
            accessor.setAccessible(true);
            try {
                return MethodHandles.lookup().unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MethodHandle[]::new);
    }

    /** A number standing for a type: its name and, for a record, its components' names. */
    private static long seed(Class<?> type) {
        return SEEDS.computeIfAbsent(type, t -> {
            Hash128 md = new Hash128().update(t.getName());
            if (t.isRecord()) for (RecordComponent c : t.getRecordComponents()) md.update(c.getName());
            byte[] d = md.digest();
            long seed = 0;
            for (int i = 0; i < 8; i++) seed = (seed << 8) | (d[i] & 0xFF);
            return seed;
        });
    }
}
