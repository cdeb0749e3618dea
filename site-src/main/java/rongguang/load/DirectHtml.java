package rongguang.load;

import java.util.Map;
import org.commonmark.ext.footnotes.FootnoteDefinition;
import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The fast path of {@link Markdown}: Markdown without raw HTML (nearly every article) cannot produce markup of
 * the editor's own, because commonmark escapes all text. What the sanitizer would still do (drop unsafe URL
 * schemes, make site paths relative, shift headings, mark images lazy) is done on the syntax tree and in an
 * attribute provider, so no HTML is parsed twice. Footnotes take the sanitizing path for their labels.
 */
final class DirectHtml {
    private DirectHtml() {}

    /** True when the document has no raw HTML and no footnotes. */
    static boolean applies(Node document) {
        boolean[] plain = {true};
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock node) {
                plain[0] = false;
            }

            @Override
            public void visit(HtmlInline node) {
                plain[0] = false;
            }

            @Override
            public void visit(CustomBlock node) {
                if (node instanceof FootnoteDefinition) plain[0] = false;
                else visitChildren(node);
            }

            @Override
            public void visit(CustomNode node) {
                if (node instanceof FootnoteReference) plain[0] = false;
                else visitChildren(node);
            }
        });
        return plain[0];
    }

    static Markdown.Html render(Node document, HtmlRenderer renderer) {
        shiftHeadings(document);
        String html = renderer.render(document)
                .replace("<table>", "<div class=\"table-wrap\"><table>")
                .replace("</table>", "</table></div>");
        return new Markdown.Html(html, plainText(document));
    }

    /** As {@link Markdown}: the body's top heading becomes h2, the others follow. */
    private static void shiftHeadings(Node document) {
        int[] top = {7};
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                top[0] = Math.min(top[0], heading.getLevel());
            }
        });
        if (top[0] == 7 || top[0] == 2) return;
        int shift = 2 - top[0];
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.max(1, Math.min(6, heading.getLevel() + shift)));
            }
        });
    }

    /** The text of the body's paragraphs, outside quotes and tables, for summaries: as the sanitizing path reads it. */
    private static String plainText(Node document) {
        StringBuilder sb = new StringBuilder();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                if (sb.length() > 400 || inTightList(paragraph)) return;
                StringBuilder p = new StringBuilder();
                paragraph.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Text text) {
                        p.append(text.getLiteral());
                    }

                    @Override
                    public void visit(Code code) {
                        p.append(code.getLiteral());
                    }

                    @Override
                    public void visit(SoftLineBreak br) {
                        p.append(' ');
                    }

                    @Override
                    public void visit(HardLineBreak br) {
                        p.append(' ');
                    }
                });
                String text = p.toString().replaceAll("\\s+", " ").strip();
                if (text.isEmpty()) return;
                if (!sb.isEmpty()) sb.append(' ');
                sb.append(text);
            }

            @Override
            public void visit(BlockQuote quote) {
                // quoted text is someone else's words, not the article's summary
            }

            @Override
            public void visit(CustomBlock block) {
                if (!(block instanceof TableBlock)) visitChildren(block);
            }
        });
        return sb.toString();
    }

    /** A tight list renders its items without {@code <p>}: not paragraphs of the summary. */
    private static boolean inTightList(Paragraph paragraph) {
        return paragraph.getParent() instanceof ListItem item && item.getParent() instanceof ListBlock list
                && list.isTight();
    }

    /** URLs made safe and site-relative; images with an alt (the renderer adds loading and sizes). */
    static final class Attributes implements AttributeProvider {
        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (tagName.equals("a")) url(attributes, "href");
            if (tagName.equals("img")) {
                url(attributes, "src");
                attributes.putIfAbsent("alt", "");
            }
        }

        private static void url(Map<String, String> attributes, String name) {
            String url = attributes.get(name);
            if (url == null) return;
            String safe = Markdown.safeUrl(url);
            if (safe == null) attributes.remove(name);
            else attributes.put(name, Markdown.siteRelative(safe));
        }
    }
}
