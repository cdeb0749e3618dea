package rongguang.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Chinese text lint: half-width punctuation, stray spaces, unbalanced pairs, sentences broken by a line
 * break, repeated punctuation, leftover markers and wordings to avoid. It reads prose only (see {@link Prose}):
 * never code, URLs, HTML tags, Markdown syntax or keys. Each finding quotes the offending text and points at it.
 */
final class TextLint {
    private static final String HALF_WIDTH = ",;:?!()";
    private static final String FULL_WIDTH = "，；：？！（）";
    private static final String[] NAMES = {"逗号", "分号", "冒号", "问号", "叹号", "左括号", "右括号"};
    private static final String OPENERS = "“《（【";
    private static final String CLOSERS = "”》）】";
    private static final Pattern REPEATED = Pattern.compile("([。，、；：？！])\\1+");

    private final Findings findings;
    private final List<CheckConfig.Marker> markers;
    private final Pattern wordings;
    private final Map<String, CheckConfig.Wording> wordingByText;

    TextLint(Findings findings, CheckConfig config) {
        this.findings = findings;
        this.markers = config.markers();
        this.wordingByText = new HashMap<>();
        for (CheckConfig.Wording w : config.wordings()) wordingByText.putIfAbsent(w.avoid(), w);
        // the longest first, so that of two wordings where one contains the other the longer one is reported
        this.wordings = wordingByText.isEmpty() ? null : Pattern.compile(wordingByText.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(Pattern::quote)
                .collect(Collectors.joining("|")));
    }

    /** A plain string value: a title, a name, a summary. */
    void plain(TextInFile value) {
        prose(Prose.of(value));
    }

    /** A Markdown text: an article body, an exemplar's story. */
    void markdown(TextInFile value) {
        MarkdownText md = MarkdownText.parse(value);
        for (Prose p : md.prose) prose(p);
        for (MarkdownText.MissingAlt image : md.missingAlts) {
            findings.add(Rule.IMAGE_ALT, image.place(), "图片“" + image.written()
                    + "”没有替代文字：请在 ![ ] 的方括号里（HTML 写 alt）简要说明图片内容，读屏软件靠它向视障读者介绍图片", image.written());
        }
    }

    private void prose(Prose p) {
        if (findings.isOn(Rule.PUNCTUATION)) punctuation(p);
        if (findings.isOn(Rule.SPACES)) spaces(p);
        if (findings.isOn(Rule.PAIRS)) pairs(p);
        if (findings.isOn(Rule.LINE_BREAK)) lineBreaks(p);
        if (findings.isOn(Rule.REPEATED_PUNCTUATION)) repeated(p);
        if (findings.isOn(Rule.MARKER)) markers(p);
        if (wordings != null && findings.isOn(Rule.WORDING)) wordings(p);
    }

    /**
     * {@code , ; : ? !} right after Chinese (or glued between something and Chinese, as in 增长10%,达到), and
     * parentheses around Chinese. A colon between digits (9:30) and punctuation among Latin words
     * ({@code Hello, world! 这是}) stay.
     */
    private void punctuation(Prose p) {
        String t = p.text();
        for (int i = 0; i < t.length(); i++) {
            int kind = HALF_WIDTH.indexOf(t.charAt(i));
            if (kind < 0) continue;
            int prevIndex = i;
            while (prevIndex > 0 && ChineseText.isSpace(t.charAt(prevIndex - 1))) prevIndex--;
            int nextIndex = i + 1;
            while (nextIndex < t.length() && ChineseText.isSpace(t.charAt(nextIndex))) nextIndex++;
            int prev = ChineseText.before(t, prevIndex);
            int next = ChineseText.at(t, nextIndex);
            boolean wrong = switch (t.charAt(i)) {
                case '(' -> ChineseText.isHan(next);
                case ')' -> ChineseText.isHan(prev);
                default -> ChineseText.isChinese(prev) && !isOpening(prev)
                        || (ChineseText.isHan(next) && nextIndex == i + 1 && prev >= 0 && prevIndex == i);
            };
            if (wrong) {
                findings.add(Rule.PUNCTUATION, p.place(i), "半角" + NAMES[kind] + "“" + t.charAt(i) + "”应写作全角“"
                        + FULL_WIDTH.charAt(kind) + "”：" + excerpt(t, i, i + 1), String.valueOf(t.charAt(i)));
            }
        }
    }

    private static boolean isOpening(int cp) {
        return cp == '“' || cp == '‘' || cp == '（' || cp == '《' || cp == '【' || cp == '「' || cp == '『';
    }

    /**
     * Spaces inside Chinese text, the mark of a copy from a newspaper layout: next to Chinese punctuation
     * ({@code 服务 。}), between two lone characters ({@code 张　华}), around one lone character
     * ({@code 老兵王 建 国说}); a spaced-out run is one finding, and it takes in the spaces at its ends that cut a
     * word ({@code 建成政 务 服 务一体化}: 政务 and 服务 are words). A space between two words of two or more
     * characters is how bylines and headlines separate their parts ({@code 记者 李明}, {@code 记者 李 明 通讯员}
     * reports only 李 明, {@code 服务站 让老兵少跑腿}) and stays, as do spaces between Chinese and Latin words or
     * numbers.
     */
    private void spaces(Prose p) {
        String t = p.text();
        List<Gap> gaps = new ArrayList<>();
        for (int i = 0; i < t.length(); ) {
            if (!ChineseText.isSpace(t.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < t.length() && ChineseText.isSpace(t.charAt(j))) j++;
            int prev = ChineseText.before(t, i);
            int next = ChineseText.at(t, j);
            if (ChineseText.isChinese(prev) && ChineseText.isChinese(next)) {
                Gap g = new Gap(i, j, hanBefore(t, i), hanAfter(t, j));
                g.stray = ChineseText.isPunctuation(prev) || ChineseText.isPunctuation(next) || (g.left == 1 && g.right == 1);
                gaps.add(g);
            }
            i = j;
        }
        for (int k = 0; k + 1 < gaps.size(); k++) {
            Gap a = gaps.get(k);
            Gap b = gaps.get(k + 1);
            if (!(a.right == 1 && b.left == 1 && next(t, a.end) == b.start)) continue; // not one character apart
            if (a.left >= 2 && b.right >= 2) {
                a.stray = true; // one character alone between two words: 老兵王 建 国说
                b.stray = true;
            }
        }
        for (int k = 0; k < gaps.size(); k++) {
            Gap g = gaps.get(k);
            if (g.stray) continue;
            boolean beforeRun = g.right == 1 && k + 1 < gaps.size() && gaps.get(k + 1).stray
                    && next(t, g.end) == gaps.get(k + 1).start;
            boolean afterRun = g.left == 1 && k > 0 && gaps.get(k - 1).stray
                    && next(t, gaps.get(k - 1).end) == g.start;
            if ((beforeRun || afterRun) && ChineseText.isWord(
                    t.substring(g.start - Character.charCount(t.codePointBefore(g.start)), g.start)
                            + t.substring(g.end, next(t, g.end)))) {
                g.edge = true;
            }
        }
        int runStart = -1;
        int runEnd = -1;
        for (Gap g : gaps) {
            if (!g.stray && !g.edge) continue;
            int from = g.start - Character.charCount(t.codePointBefore(g.start));
            int to = next(t, g.end);
            if (runStart >= 0 && from == runEnd - Character.charCount(t.codePointBefore(runEnd))) {
                runEnd = to; // one character between two spaces: the run goes on
            } else {
                reportSpaces(p, runStart, runEnd);
                runStart = from;
                runEnd = to;
            }
        }
        reportSpaces(p, runStart, runEnd);
    }

    /** Spaces between two Chinese characters, with how many 汉字 (up to 2) stand on each side. */
    private static final class Gap {
        final int start;
        final int end;
        final int left;
        final int right;
        boolean stray;
        /** At the end of a spaced-out run, cutting a word in two. */
        boolean edge;

        Gap(int start, int end, int left, int right) {
            this.start = start;
            this.end = end;
            this.left = left;
            this.right = right;
        }
    }

    private static int next(String t, int index) {
        return index + Character.charCount(t.codePointAt(index));
    }

    /** How many Chinese characters stand right before {@code index}, up to 2. */
    private static int hanBefore(String t, int index) {
        int n = 0;
        for (int i = index; i > 0 && n < 2 && ChineseText.isHan(t.codePointBefore(i)); i -= Character.charCount(t.codePointBefore(i))) n++;
        return n;
    }

    /** How many Chinese characters stand from {@code index} on, up to 2. */
    private static int hanAfter(String t, int index) {
        int n = 0;
        for (int i = index; i < t.length() && n < 2 && ChineseText.isHan(t.codePointAt(i)); i += Character.charCount(t.codePointAt(i))) n++;
        return n;
    }

    private void reportSpaces(Prose p, int from, int to) {
        if (from < 0) return;
        String text = p.text().substring(from, to);
        findings.add(Rule.SPACES, p.place(from), "中文之间有多余的空格：“" + text + "”（常见于从报纸版面复制的文字）", text);
    }

    /** “” 《》 （） 【】 must open and close in order within one paragraph. */
    private void pairs(Prose p) {
        String t = p.text();
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (OPENERS.indexOf(c) >= 0) {
                open.push(i);
                continue;
            }
            int kind = CLOSERS.indexOf(c);
            if (kind < 0) continue;
            char opener = OPENERS.charAt(kind);
            if (open.stream().noneMatch(o -> t.charAt(o) == opener)) {
                findings.add(Rule.PAIRS, p.place(i), "“" + c + "”前面没有与之配对的“" + opener + "”：" + excerpt(t, i, i + 1),
                        String.valueOf(c));
                continue;
            }
            while (t.charAt(open.peek()) != opener) unclosed(p, open.pop());
            open.pop();
        }
        while (!open.isEmpty()) unclosed(p, open.removeLast());
    }

    private void unclosed(Prose p, int at) {
        String t = p.text();
        char c = t.charAt(at);
        findings.add(Rule.PAIRS, p.place(at), "“" + c + "”没有与之配对的“" + CLOSERS.charAt(OPENERS.indexOf(c)) + "”："
                + excerpt(t, at, at + 1), String.valueOf(c));
    }

    /**
     * A line that ends in a Chinese character, followed in the same paragraph by a line that starts with one: a
     * sentence broken by the line breaks of a layout. Browsers show the break as a space. Lines that end with
     * punctuation, and breaks the writer asked for ({@code <br>}, two trailing spaces), stay.
     */
    private void lineBreaks(Prose p) {
        String t = p.text();
        for (int i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) {
            int next = i + 1;
            while (next < t.length() && ChineseText.isSpace(t.charAt(next))) next++;
            if (ChineseText.isHan(ChineseText.before(t, i)) && ChineseText.isHan(ChineseText.at(t, next))) {
                String text = tail(t, i, 6) + "↵" + head(t, next, 6);
                findings.add(Rule.LINE_BREAK, p.place(i), "句子在“" + text + "”处被换行断开，网页上会多出空格：请把两行接起来",
                        text);
            }
        }
    }

    private void repeated(Prose p) {
        Matcher m = REPEATED.matcher(p.text());
        while (m.find()) {
            findings.add(Rule.REPEATED_PUNCTUATION, p.place(m.start()), "标点重复：“" + m.group() + "”："
                    + excerpt(p.text(), m.start(), m.end()), m.group());
        }
    }

    private void markers(Prose p) {
        for (CheckConfig.Marker marker : markers) {
            Matcher m = marker.pattern().matcher(p.text());
            while (m.find()) {
                if (m.end() == m.start()) continue;
                findings.add(Rule.MARKER, p.place(m.start()), "残留的排版标记“" + m.group() + "”，发布前应删除："
                        + excerpt(p.text(), m.start(), m.end()), m.group());
            }
        }
    }

    private void wordings(Prose p) {
        String t = p.text();
        Matcher m = wordings.matcher(t);
        while (m.find()) {
            CheckConfig.Wording w = wordingByText.get(m.group());
            if (w.prefer() != null && withinPreferred(t, m.start(), m.end(), w.prefer())) continue;
            String note = w.note() != null ? "（" + w.note() + "）" : "";
            String message = w.prefer() != null
                    ? "“" + w.avoid() + "”应写作“" + w.prefer() + "”" + note
                    : "不应使用“" + w.avoid() + "”" + note;
            findings.add(Rule.WORDING, p.place(m.start()), message + "：" + excerpt(t, m.start(), m.end()), m.group());
        }
    }

    /** Whether the match is part of the preferred form itself (avoid 事务局 but prefer 退役军人事务局). */
    private static boolean withinPreferred(String t, int start, int end, String prefer) {
        for (int k = Math.max(0, end - prefer.length()); k <= start; k++) {
            if (t.startsWith(prefer, k)) return true;
        }
        return false;
    }

    /** The offending text with a few characters on each side, for the message. */
    static String excerpt(String t, int from, int to) {
        String s = tail(t, from, 6) + t.substring(from, to) + head(t, to, 6);
        return "“" + s.replace('\n', '↵').replace(Prose.OBJECT, '…').replace(Prose.BREAK, '↵') + "”";
    }

    /** Up to {@code n} characters before {@code index}, on the same line. */
    private static String tail(String t, int index, int n) {
        int from = index;
        while (from > 0 && index - from < n && t.charAt(from - 1) != '\n' && t.charAt(from - 1) != Prose.BREAK) from--;
        if (from > 0 && Character.isLowSurrogate(t.charAt(from))) from--;
        return t.substring(from, index);
    }

    /** Up to {@code n} characters from {@code index}, on the same line. */
    private static String head(String t, int index, int n) {
        int to = index;
        while (to < t.length() && to - index < n && t.charAt(to) != '\n' && t.charAt(to) != Prose.BREAK) to++;
        if (to < t.length() && to > 0 && Character.isHighSurrogate(t.charAt(to - 1))) to++;
        return t.substring(index, to);
    }
}
