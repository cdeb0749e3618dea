package rongguang.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A parsed JSON or YAML document that remembers where each value and each key stands in its file, by JSON
 * pointer, so that every problem found later can name its line and column.
 */
public final class Tree {
    /** A 1-based place in a file. */
    public record Position(int line, int column) {}

    public final String file;
    public final JsonNode root;
    private final Map<String, Position> values;
    private final Map<String, Position> keys;

    private Tree(String file, JsonNode root, Map<String, Position> values, Map<String, Position> keys) {
        this.file = file;
        this.root = root;
        this.values = values;
        this.keys = keys;
    }

    /** Thrown for text that does not parse; the message is the parser's, the place is in file coordinates. */
    static final class SyntaxException extends Exception {
        final Position position;

        SyntaxException(String message, Position position) {
            super(message);
            this.position = position;
        }
    }

    /**
     * Parses {@code text}; {@code lineOffset} is added to every line (front matter starts after its {@code ---}).
     * Duplicate keys are reported to {@code duplicates} (pointer of the second occurrence).
     */
    static Tree parse(JsonFactory factory, String file, String text, int lineOffset, Map<String, Position> duplicates)
            throws SyntaxException {
        Map<String, Position> values = new HashMap<>();
        Map<String, Position> keys = new HashMap<>();
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            JsonNode root = first == null
                    ? JsonNodeFactory.instance.missingNode()
                    : new Reader(parser, lineOffset, values, keys, duplicates).read("");
            if (first != null && parser.nextToken() != null) {
                throw new SyntaxException("文档末尾有多余的内容", position(parser.currentTokenLocation(), lineOffset));
            }
            return new Tree(file, root, values, keys);
        } catch (JsonProcessingException e) {
            // SnakeYAML knows where the problem is; Jackson's location is only where it stopped reading
            if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                throw SyntaxMessages.yaml(yaml, lineOffset);
            }
            throw SyntaxMessages.json(e, text, lineOffset);
        } catch (IOException e) {
            throw new SyntaxException(e.getMessage(), new Position(1, 1));
        }
    }

    private static Position position(JsonLocation at, int lineOffset) {
        if (at == null) return new Position(1 + lineOffset, 1);
        return new Position(Math.max(at.getLineNr(), 1) + lineOffset, Math.max(at.getColumnNr(), 1));
    }

    /** Where the value at {@code pointer} starts; the nearest enclosing value when it is absent. */
    public Position valueAt(String pointer) {
        for (String p = pointer; ; p = parent(p)) {
            Position pos = values.get(p);
            if (pos != null) return pos;
            if (p.isEmpty()) return new Position(1, 1);
        }
    }

    /** Where the key of the member at {@code pointer} stands, else where its value does. */
    public Position keyAt(String pointer) {
        Position pos = keys.get(pointer);
        return pos != null ? pos : valueAt(pointer);
    }

    public static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    private static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }

    /** Builds the node tree while recording positions; Jackson's own tree does not keep them. */
    private record Reader(JsonParser parser, int lineOffset, Map<String, Position> values,
                          Map<String, Position> keys, Map<String, Position> duplicates) {

        JsonNode read(String pointer) throws IOException {
            values.put(pointer, position(parser.currentTokenLocation(), lineOffset));
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            JsonToken token = parser.currentToken();
            switch (token) {
                case START_OBJECT -> {
                    ObjectNode object = nodes.objectNode();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        String member = child(pointer, name);
                        Position keyPos = position(parser.currentTokenLocation(), lineOffset);
                        parser.nextToken();
                        if (object.has(name)) {
                            duplicates.put(member, keyPos);
                            read(member + "#duplicate");
                        } else {
                            keys.put(member, keyPos);
                            object.set(name, read(member));
                        }
                    }
                    return object;
                }
                case START_ARRAY -> {
                    ArrayNode array = nodes.arrayNode();
                    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
                        array.add(read(child(pointer, i)));
                    }
                    return array;
                }
                case VALUE_STRING -> {
                    return nodes.textNode(parser.getText());
                }
                case VALUE_NUMBER_INT -> {
                    return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                            ? nodes.numberNode(parser.getBigIntegerValue())
                            : nodes.numberNode(parser.getLongValue());
                }
                case VALUE_NUMBER_FLOAT -> {
                    return nodes.numberNode(parser.getDecimalValue());
                }
                case VALUE_TRUE, VALUE_FALSE -> {
                    return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
                }
                case VALUE_NULL -> {
                    return nodes.nullNode();
                }
                default -> {
                    return nodes.textNode(parser.getText());
                }
            }
        }
    }
}
