package rongguang.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import rongguang.problems.Located;
import rongguang.problems.Place;
import rongguang.problems.Problems;

/** Reading source files into text and trees, every failure reported as a problem at its place. */
public final class SourceFiles {
    public static final JsonFactory JSON = new JsonFactory();
    public static final YAMLFactory YAML = new YAMLFactory();

    private SourceFiles() {}

    /** The file's text, or null after reporting why it cannot be used (unreadable, not UTF-8, empty). */
    public static String text(Path file, String rel, Problems problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.error(rel, 0, 0, "无法读取文件：" + e.getMessage());
            return null;
        }
        try {
            String text = SourceText.decode(bytes);
            if (text.isBlank()) {
                problems.error(rel, 1, 1, "文件是空的");
                return null;
            }
            return text;
        } catch (SourceText.NotUtf8Exception e) {
            problems.error(rel, e.line, e.column, "文件不是 UTF-8 编码（请用 UTF-8 另存，例如 GBK 文件需要转换）");
            return null;
        }
    }

    /** Parses JSON or YAML text; syntax errors and duplicate keys are reported. */
    public static Tree tree(JsonFactory factory, String rel, String text, int lineOffset, Problems problems) {
        Map<String, Tree.Position> duplicates = new HashMap<>();
        try {
            Tree tree = Tree.parse(factory, rel, text, lineOffset, duplicates);
            duplicates.forEach((pointer, at) -> problems.error(rel, at.line(), at.column(),
                    "键“" + pointer.substring(pointer.lastIndexOf('/') + 1) + "”重复出现"));
            return tree;
        } catch (Tree.SyntaxException e) {
            problems.error(rel, e.position.line(), e.position.column(), e.getMessage());
            return null;
        }
    }

    /**
     * Reads a data file holding one object or an array of objects; {@code reader} turns each object into a value,
     * added to {@code values} with its JSON pointer in the file added to {@code pointers}.
     */
    static <T> void objects(Path file, String rel, Problems problems, Function<Fields, T> reader,
                            java.util.List<T> values, java.util.List<String> pointers) {
        String text = text(file, rel, problems);
        if (text == null) return;
        Tree tree = tree(JSON, rel, text, 0, problems);
        if (tree == null) return;
        JsonNode root = tree.root;
        if (root.isObject()) {
            add(new Fields(tree, "", root, problems), reader, values, pointers);
        } else if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                Fields f = new Fields(tree, Tree.child("", i), root.get(i), problems);
                if (root.get(i).isObject()) add(f, reader, values, pointers);
                else f.errorHere("第 " + (i + 1) + " 项应为对象 {…}，实际是" + Fields.kind(root.get(i)));
            }
        } else {
            problems.error(rel, 1, 1, "数据文件应为一个对象 {…} 或对象的列表 […]");
        }
    }

    private static <T> void add(Fields f, Function<Fields, T> reader, java.util.List<T> values,
                                java.util.List<String> pointers) {
        T value = reader.apply(f);
        if (value == null) return;
        values.add(value);
        pointers.add(f.pointer());
    }

    /**
     * Locators for the objects of a data file, by their JSON pointers. The file is read and parsed again on the
     * first question, once for all its objects: only a problem found after the load asks, and keeping every
     * file's tree (or its positions in the build cache) would cost more than that.
     */
    static Function<String, Located.Locator> locators(Path file, String rel) {
        Tree[] parsed = new Tree[1];
        boolean[] read = {false};
        return pointer -> (key, item) -> {
            Tree tree;
            synchronized (parsed) {
                if (!read[0]) {
                    read[0] = true;
                    Problems ignored = new Problems();
                    String text = text(file, rel, ignored);
                    parsed[0] = text == null ? null : tree(JSON, rel, text, 0, ignored);
                }
                tree = parsed[0];
            }
            JsonNode node = tree == null ? null : tree.root.at(pointer);
            if (node == null || !node.isObject()) return new Place(rel, 1, 1);   // the file changed since
            return locator(new Fields(tree, pointer, node, new Problems())).at(key, item);
        };
    }

    static Located.Locator locator(Fields f) {
        return (key, item) -> {
            Tree.Position at = key == null ? f.tree().valueAt(f.pointer()) : f.positionOf(key, item);
            return new Place(f.tree().file, at.line(), at.column());
        };
    }
}
