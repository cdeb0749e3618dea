package rongguang.model;

import java.util.Locale;

/** WGS-84 degrees. */
public record Location(double lat, double lng) {
    /** Opens the place in 高德地图 (app or web); it takes WGS-84 with {@code coordinate=wgs84}. */
    public String mapUrl(String name) {
        return String.format(Locale.ROOT,
                "https://uri.amap.com/marker?position=%.6f,%.6f&name=%s&coordinate=wgs84&callnative=1",
                lng, lat, java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The standard geo: URI that other map apps open. */
    public String geoUri() {
        return String.format(Locale.ROOT, "geo:%.6f,%.6f", lat, lng);
    }
}
