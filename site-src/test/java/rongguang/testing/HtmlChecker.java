package rongguang.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import nu.validator.messages.MessageEmitter;
import nu.validator.messages.MessageEmitterAdapter;
import nu.validator.messages.MessageTextHandler;
import nu.validator.messages.TooManyErrorsException;
import nu.validator.messages.types.MessageType;
import nu.validator.servlet.imagereview.ImageCollector;
import nu.validator.source.SourceCode;
import nu.validator.validation.SimpleDocumentValidator;

import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Offline HTML5 conformance checker for tests, built on the W3C Nu Html Checker
 * (Maven artifact {@code nu.validator:validator}), the engine behind
 * https://validator.w3.org/nu/.
 *
 * <p>Each document is parsed as {@code text/html} in UTF-8 and checked against the
 * same schema, assertions and checkers as the online service ("HTML + SVG + MathML +
 * RDFa" preset, {@code http://s.validator.nu/html5-all.rnc}); messages go through the
 * service's own {@link MessageEmitterAdapter}, so the error/warning split, the message
 * texts and the default message filter are those of the service. Only errors (including
 * fatal parse errors) are returned; warnings and info messages are dropped. Language
 * detection is switched off: it only ever produces warnings.
 *
 * <p>Charset: the bytes are decoded as UTF-8 whatever the document says, as if served
 * with {@code Content-Type: text/html; charset=utf-8}; so a missing {@code <meta charset>}
 * is not an error, but a {@code <meta charset>} other than utf-8 is (as online).
 * Reported positions are the start of the offending markup (the "From line L, column C"
 * of the web page), or its end when the checker gives no range.
 *
 * <p>No network access: the schemas come from the copies packaged in the jar, documents
 * are read from the local file system, and nothing a document references (style sheets,
 * {@code @import}, scripts, images, frames) is fetched.
 *
 * <p>Test JVM settings (maven-surefire-plugin {@code systemPropertyVariables}):
 * {@code nu.validator.datatype.warn=true} (also set below, but only effective if no
 * validator datatype class was loaded earlier) and {@code org.jboss.logging.provider=jdk}
 * (the validator brings log4j 1.x, which jboss-logging, hence undertow, would otherwise
 * pick up in tests).
 *
 * <p>Thread safety: an instance is NOT thread-safe ({@link SimpleDocumentValidator} keeps
 * per-document parser and validator state). Create it once (it compiles the schema:
 * 0.5 to 1 s) and reuse it for many documents from one thread, or give each thread its
 * own instance (separate instances can run in parallel).
 */
public final class HtmlChecker {

    private static final String SCHEMA_URL = "http://s.validator.nu/html5-all.rnc";

    static {
        // The online service runs with -Dnu.validator.datatype.warn=true, which turns
        // some datatype problems (e.g. a fragment in a data: URL) into warnings instead
        // of errors. The datatype classes read it once when they are loaded, so it must
        // be set before the first of them is; respect a value set on the command line.
        if (System.getProperty("nu.validator.datatype.warn") == null) {
            System.setProperty("nu.validator.datatype.warn", "true");
        }
        // The checker logs through log4j 1.x. Unless something else configured it, send
        // WARN and above to stderr (instead of log4j's "no appenders" complaint) and
        // leave everything below unlogged.
        org.apache.log4j.Logger root = org.apache.log4j.Logger.getRootLogger();
        if (!root.getAllAppenders().hasMoreElements()) {
            root.setLevel(org.apache.log4j.Level.WARN);
            root.addAppender(new org.apache.log4j.ConsoleAppender(
                    new org.apache.log4j.PatternLayout("%p %c - %m%n"),
                    org.apache.log4j.ConsoleAppender.SYSTEM_ERR));
        }
    }

    private final SimpleDocumentValidator validator;

    private final CollectingEmitter emitter = new CollectingEmitter();

    public HtmlChecker() {
        // (initializeLog4j, logUrls, enableLanguageDetection)
        validator = new SimpleDocumentValidator(false, false, false);
        try {
            validator.setUpMainSchema(SCHEMA_URL, new ThrowingErrorHandler());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot set up the Nu Html Checker schema", e);
        } catch (StackOverflowError e) {
            throw new IllegalStateException(
                    "Stack overflow compiling the HTML schema; run with -Xss512k or more", e);
        }
    }

    /**
     * Checks one HTML document (read as UTF-8 text/html) and returns its errors, each as
     * {@code file:line:column: message}, where line and column (1-based) are those of the
     * start of the offending markup when the checker knows it, else of its end.
     */
    public List<String> errors(Path htmlFile) throws IOException {
        emitter.begin(htmlFile.toString());
        SourceCode sourceCode = validator.getSourceCode();
        // A fresh adapter per document: it counts errors and stops reporting after a
        // fatal error or too many messages, so it must not carry over between documents.
        MessageEmitterAdapter adapter = new MessageEmitterAdapter(null, sourceCode, false,
                new ImageCollector(sourceCode), 0, false, emitter);
        adapter.setHtml(true);
        try (InputStream in = Files.newInputStream(htmlFile)) {
            adapter.start(null);
            validator.setUpValidatorAndParsers(adapter, false, false);
            InputSource is = new InputSource(in);
            is.setSystemId(htmlFile.toUri().toString());
            validator.checkHtmlInputSource(is); // forces UTF-8
            adapter.end("", "", "");
        } catch (TooManyErrorsException e) {
            // the limit (nu.validator.messages.limit, 1000) was reached; keep what we have
        } catch (SAXException e) {
            throw new IOException("Nu Html Checker failed on " + htmlFile + ": " + e, e);
        }
        return emitter.finish();
    }

    /** Receives the adapter's formatted messages and keeps the errors as strings. */
    private static final class CollectingEmitter extends MessageEmitter {

        private final StringBuilder text = new StringBuilder();

        private final MessageTextHandler textHandler = new MessageTextHandler() {
            @Override
            public void characters(char[] ch, int start, int length) {
                text.append(ch, start, length);
            }

            @Override
            public void startCode() {
                text.append('\u201C');
            }

            @Override
            public void endCode() {
                text.append('\u201D');
            }

            @Override
            public void startLink(String href, String title) {
            }

            @Override
            public void endLink() {
            }
        };

        private String file;

        private List<String> errors = new ArrayList<>();

        private boolean inError;

        private String location;

        void begin(String fileName) {
            file = fileName;
            errors = new ArrayList<>();
            inError = false;
        }

        List<String> finish() {
            return Collections.unmodifiableList(errors);
        }

        @Override
        public void startMessage(MessageType type, String systemId, int oneBasedFirstLine,
                int oneBasedFirstColumn, int oneBasedLastLine, int oneBasedLastColumn,
                boolean exact) {
            inError = type != MessageType.WARNING && type != MessageType.INFO;
            text.setLength(0);
            if (oneBasedFirstLine > 0) {
                location = oneBasedFirstLine + ":" + Math.max(oneBasedFirstColumn, 1);
            } else if (oneBasedLastLine > 0) {
                location = oneBasedLastLine + ":" + Math.max(oneBasedLastColumn, 1);
            } else {
                location = "0:0";
            }
        }

        @Override
        public MessageTextHandler startText() {
            return textHandler;
        }

        @Override
        public void endMessage() {
            if (inError) {
                errors.add(file + ":" + location + ": " + text.toString().trim());
            }
            inError = false;
        }
    }

    /** Schema problems would be a bug in the packaged schema: fail loudly. */
    private static final class ThrowingErrorHandler implements org.xml.sax.ErrorHandler {
        @Override
        public void warning(org.xml.sax.SAXParseException e) {
        }

        @Override
        public void error(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
