package rongguang.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageTagsTest {
    private static final Map<String, ImageInfo> IMAGES = Map.of(
            "covers/big.jpg", new ImageInfo("h1", 1600, 900, List.of(480, 960)),
            "photos/小图.png", new ImageInfo("h2", 300, 200, List.of()));

    private static String complete(String html, List<String> uses) {
        return ImageTags.complete(html, "../../", IMAGES, uses::add);
    }

    @Test
    void addsSizeCopiesAndLoading() {
        List<String> uses = new ArrayList<>();
        String html = complete("<p><img src=\"../../media/covers/big.jpg\" alt=\"封面 > 标题\"></p>"
                + "<img src=\"../../media/photos/%E5%B0%8F%E5%9B%BE.png\" alt=\"\"/>", uses);
        assertThat(html).isEqualTo("<p><img src=\"../../media/covers/big.jpg\" alt=\"封面 > 标题\" width=\"1600\" "
                + "height=\"900\" srcset=\"../../media/covers/big.480w.jpg 480w, ../../media/covers/big.960w.jpg 960w, "
                + "../../media/covers/big.jpg 1600w\" sizes=\"" + ImageTags.DEFAULT_SIZES + "\" decoding=\"async\"></p>"
                + "<img src=\"../../media/photos/%E5%B0%8F%E5%9B%BE.png\" alt=\"\" width=\"300\" height=\"200\" "
                + "loading=\"lazy\" decoding=\"async\"/>");
        assertThat(uses).containsExactly("covers/big.jpg", "photos/小图.png");
    }

    @Test
    void whatTheTemplateWroteWins() {
        String html = complete("<img src=\"x.png\"><img class=\"thumb\" src=\"../../media/covers/big.jpg\" width=\"160\" "
                + "height=\"90\" loading=\"eager\" decoding=\"sync\">", new ArrayList<>());
        assertThat(html).endsWith("<img class=\"thumb\" src=\"../../media/covers/big.jpg\" width=\"160\" height=\"90\" "
                + "loading=\"eager\" decoding=\"sync\" srcset=\"../../media/covers/big.480w.jpg 480w, "
                + "../../media/covers/big.960w.jpg 960w, ../../media/covers/big.jpg 1600w\" sizes=\"160px\">");
    }

    @Test
    void imagesOutsideMediaGetOnlyLoadingAndDecoding() {
        List<String> uses = new ArrayList<>();
        String html = complete("<img src=\"https://example.org/a.jpg\" alt=\"\"><IMG SRC='../../media/unknown.jpg'>", uses);
        assertThat(html).isEqualTo("<img src=\"https://example.org/a.jpg\" alt=\"\" decoding=\"async\">"
                + "<IMG SRC='../../media/unknown.jpg' loading=\"lazy\" decoding=\"async\">");
        assertThat(uses).as("an unknown media file is a dependency too: it may appear").containsExactly("unknown.jpg");
    }

    @Test
    void pagesWithoutImagesAndLookalikeTagsStayAsTheyAre() {
        String html = "<p>1 <imgx> 2 <image> 3 <img</p>";
        assertThat(complete("<p>no images</p>", new ArrayList<>())).isEqualTo("<p>no images</p>");
        assertThat(complete(html, new ArrayList<>())).isEqualTo(html);
    }
}
