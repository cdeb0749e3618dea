package rongguang.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, for tests of what runs in a browser. {@code .ci/run}
 * installs both; the paths are fixed so that Selenium never tries to download a browser of its own.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of(System.getProperty("rongguang.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("rongguang.chromedriver", "/usr/bin/chromedriver"));
    /** Generous: the machine running the tests may be loaded. */
    public static final Duration DEADLINE = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A new browser with an empty profile and a window of the given size in CSS pixels. */
    public static Browser open(int width, int height) throws IOException {
        Path profile = Files.createTempDirectory("rongguang-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the background-networking flags keep Chromium from calling home on a machine whose network is closed
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--lang=zh-CN", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(DEADLINE).scriptTimeout(DEADLINE);
        Browser browser = new Browser(driver, profile);
        browser.resizeViewport(width, height);
        return browser;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Makes the page's viewport (not the window with its frame) exactly this size. */
    public void resizeViewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        driver.manage().window().setSize(new Dimension(width, height));
    }

    public void get(String url) {
        driver.get(url);
    }

    @SuppressWarnings("unchecked")
    public <T> T script(String js, Object... args) {
        return (T) ((JavascriptExecutor) driver).executeScript(js, args);
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, DEADLINE);
    }

    /** Saves a PNG of the viewport, for a person to look at. */
    public Path screenshot(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** Messages the page logged to the console at level SEVERE: script errors, failed loads. */
    public List<String> severeLogs() {
        return driver.manage().logs().get("browser").getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(e -> e.getMessage())
                .toList();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            rongguang.write.OutputTree.deleteTree(profile);
        }
    }
}
