package rongguang.render;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
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
import rongguang.model.Article;
import rongguang.model.Body;
import rongguang.model.Site;

/**
 * Digests of what a page is rendered from: two values with the same digest render the same. Records are
 * digested field by field, lists in order, sets and maps in a fixed order, articles by their source's digest. A value
 * that appears on many pages (an article, a tag's list) is digested once per build.
 */
final class Digests {
    private final Map<Object, byte[]> memo = Collections.synchronizedMap(new IdentityHashMap<>(1 << 16));
    private static final Map<Class<?>, Method[]> ACCESSORS = new ConcurrentHashMap<>();

    byte[] of(Object value) {
        Hash128 md = new Hash128();
        update(md, value);
        return md.digest();
    }

    private void update(Hash128 md, Object value) {
        if (value == null) {
            md.update((byte) 0);
        } else if (value instanceof String s) {
            md.update((byte) 1);
            string(md, s);
        } else if (value instanceof Article article) {
            // an article is what its source file says: its digest stands for every field and the body
            md.update((byte) 2);
            string(md, article.digest());
        } else if (value instanceof Body) {
            throw new IllegalArgumentException("正文只随文章计算摘要");
        } else if (value instanceof Number || value instanceof Boolean || value instanceof Character
                || value instanceof Enum<?> || value instanceof TemporalAccessor || value instanceof java.time.ZoneId
                || value instanceof java.net.URI || value instanceof java.util.Locale) {
            md.update((byte) 3);
            string(md, value.getClass().getName() + ":" + value);
        } else if (value instanceof Site) {
            // what a page reads of the site is tracked member by member (SiteDependencies)
            md.update((byte) 4);
        } else if (value instanceof Record || value instanceof Collection<?> || value instanceof Map<?, ?>) {
            md.update((byte) 5);
            md.update(composite(value));
        } else {
            throw new IllegalArgumentException("页面变量无法计算摘要：" + value.getClass().getName());
        }
    }

    /** Composite values, memoized by identity: each article, tag list or city is hashed once however often shown. */
    private byte[] composite(Object value) {
        byte[] known = memo.get(value);
        if (known != null) return known;
        Hash128 md = new Hash128();
        if (value instanceof Record record) {
            string(md, record.getClass().getName());
            for (Method accessor : accessors(record.getClass())) {
                string(md, accessor.getName());
                try {
                    update(md, accessor.invoke(record));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else if (value instanceof List<?> list) {
            md.update((byte) 'L');
            for (Object item : list) update(md, item);
        } else if (value instanceof Collection<?> set) {
            md.update((byte) 'S');
            for (byte[] item : sorted(set.stream().map(this::of).toList())) md.update(item);
        } else {
            md.update((byte) 'M');
            Map<?, ?> map = (Map<?, ?>) value;
            List<byte[]> entries = new ArrayList<>();
            for (Map.Entry<?, ?> e : map.entrySet()) entries.add(of(List.of(String.valueOf(e.getKey()), box(e.getValue()))));
            for (byte[] entry : sorted(entries)) md.update(entry);
        }
        byte[] digest = md.digest();
        memo.put(value, digest);
        return digest;
    }

    private static Object box(Object value) {
        return value == null ? "\0null" : value;
    }

    private static List<byte[]> sorted(List<byte[]> digests) {
        List<byte[]> out = new ArrayList<>(digests);
        out.sort(Arrays::compare);
        return out;
    }

    private static Method[] accessors(Class<?> type) {
        return ACCESSORS.computeIfAbsent(type, t -> {
            RecordComponent[] components = t.getRecordComponents();
            Method[] methods = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                methods[i] = components[i].getAccessor();
                methods[i].setAccessible(true);
            }
            return methods;
        });
    }

    private static void string(Hash128 md, String s) {
        md.update(s);
    }


}
