package rongguang.search;

/** An open-addressing map from non-zero ints (a bigram's two characters) to values: no boxing, no entry objects. */
final class IntMap<V> {
    private int[] keys = new int[64];
    private Object[] values = new Object[64];
    private int size;

    interface Visitor<V> {
        void visit(int key, V value);
    }

    @SuppressWarnings("unchecked")
    V get(int key) {
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == key) return (V) values[i];
            if (keys[i] == 0) return null;
        }
    }

    /** Gives {@code key} (not in the map) its value. */
    void put(int key, V value) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != 0) i = (i + 1) & mask;
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) grow();
    }

    @SuppressWarnings("unchecked")
    void forEach(Visitor<V> visitor) {
        for (int i = 0; i < keys.length; i++) if (keys[i] != 0) visitor.visit(keys[i], (V) values[i]);
    }

    int size() {
        return size;
    }

    /** The slots, for loops that must not pay for a callback per entry: key 0 marks an empty slot. */
    int[] keySlots() {
        return keys;
    }

    Object[] valueSlots() {
        return values;
    }

    static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private void grow() {
        int[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] == 0) continue;
            int i = mix(oldKeys[j]) & mask;
            while (keys[i] != 0) i = (i + 1) & mask;
            keys[i] = oldKeys[j];
            values[i] = oldValues[j];
        }
    }
}
