package rongguang.cli;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** {@code --now TIME} of every command: {@code 2027-08-01}, {@code 2027-08-01T09:00} or with an offset. */
final class NowConverter implements CommandLine.ITypeConverter<ZonedDateTime> {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Override
    public ZonedDateTime convert(String text) {
        try {
            if (text.length() == 10) return LocalDate.parse(text).atStartOfDay(CHINA);
            try {
                return OffsetDateTime.parse(text).toZonedDateTime();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(text).atZone(CHINA);
            }
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("应为 YYYY-MM-DD 或 ISO 日期时间，实际是“" + text + "”");
        }
    }
}
