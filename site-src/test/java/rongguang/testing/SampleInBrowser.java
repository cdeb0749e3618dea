package rongguang.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The built sample site and a browser over it, for a test class: register it as a static field with
 * {@code @RegisterExtension}; both are opened before the class's {@code @BeforeAll} methods and closed after its
 * {@code @AfterAll} methods.
 */
public final class SampleInBrowser implements BeforeAllCallback, AfterAllCallback {
    private final String baseUrl;
    private final int width;
    private final int height;
    private BuiltSample sample;
    private Browser browser;

    /** @param baseUrl the sample's baseUrl replaced by this one, served at its path; null keeps the sample's own */
    public SampleInBrowser(String baseUrl, int width, int height) {
        this.baseUrl = baseUrl;
        this.width = width;
        this.height = height;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        sample = BuiltSample.build(baseUrl);
        browser = Browser.open(width, height);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (browser != null) browser.close();
        } finally {
            if (sample != null) sample.close();
        }
    }

    public BuiltSample sample() {
        return sample;
    }

    public Browser browser() {
        return browser;
    }
}
