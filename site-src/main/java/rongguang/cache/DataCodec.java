package rongguang.cache;

import static rongguang.cache.CacheCodec.string;
import static rongguang.cache.CacheCodec.strings;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import rongguang.load.DataEntry;
import rongguang.model.City;
import rongguang.model.Exemplar;
import rongguang.model.Honor;
import rongguang.model.Location;
import rongguang.model.Merchant;
import rongguang.model.Stat;

/**
 * What the data files gave (cities, exemplars, merchants), field by field: a new process takes an unchanged file's
 * objects from here instead of parsing its JSON and rendering its Markdown again. Every field is written, so a
 * field added to a record fails to compile here until it is.
 */
final class DataCodec {
    private DataCodec() {}

    private static final int CITY = 1;
    private static final int EXEMPLAR = 2;
    private static final int MERCHANT = 3;

    static void write(RecordOutput out, DataEntry e) throws IOException {
        out.writeString(e.file());
        CacheCodec.stamp(out, e.stamp());
        CacheCodec.problems(out, e.problems());
        out.writeInt(e.values().size());
        for (int i = 0; i < e.values().size(); i++) {
            Object value = e.values().get(i);
            if (value instanceof City c) {
                out.writeByte(CITY);
                city(out, c);
            } else if (value instanceof Exemplar x) {
                out.writeByte(EXEMPLAR);
                exemplar(out, x);
            } else if (value instanceof Merchant m) {
                out.writeByte(MERCHANT);
                merchant(out, m);
            } else {
                throw new IOException("数据对象的种类未知：" + value.getClass());
            }
            out.writeString(e.pointers().get(i));
        }
    }

    static DataEntry read(RecordInput in) throws IOException {
        String file = in.readString();
        var stamp = CacheCodec.stamp(in);
        var problems = CacheCodec.problems(in);
        int count = in.readInt();
        List<Object> values = new ArrayList<>(Math.min(count, 4096));
        List<String> pointers = new ArrayList<>(Math.min(count, 4096));
        for (int i = 0; i < count; i++) {
            int kind = in.readUnsignedByte();
            values.add(switch (kind) {
                case CITY -> city(in);
                case EXEMPLAR -> exemplar(in);
                case MERCHANT -> merchant(in);
                default -> throw new IOException("缓存记录损坏");
            });
            pointers.add(in.readString());
        }
        return new DataEntry(file, stamp, List.copyOf(values), List.copyOf(pointers), problems);
    }

    private static void city(RecordOutput out, City c) throws IOException {
        string(out, c.id());
        string(out, c.name());
        string(out, c.province());
        string(out, c.kind() == null ? null : c.kind().name());
        out.writeInt(c.honors().size());
        for (Honor h : c.honors()) {
            string(out, h.level() == null ? null : h.level().name());
            string(out, h.title());
            out.writeInt(h.count());
            out.writeBoolean(h.consecutive());
            out.writeInt(h.years().size());
            for (int year : h.years()) out.writeInt(year);
            string(out, h.note());
        }
        string(out, c.target());
        string(out, c.summary());
        out.writeInt(c.stats().size());
        for (Stat s : c.stats()) {
            string(out, s.label());
            decimal(out, s.value());
            string(out, s.unit());
            string(out, s.qualifier());
        }
        location(out, c.location());
        string(out, c.image());
        string(out, c.source());
    }

    private static City city(RecordInput in) throws IOException {
        String id = string(in);
        String name = string(in);
        String province = string(in);
        String kind = string(in);
        List<Honor> honors = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            String level = string(in);
            String title = string(in);
            int count = in.readInt();
            boolean consecutive = in.readBoolean();
            List<Integer> years = new ArrayList<>();
            for (int y = in.readInt(); y > 0; y--) years.add(in.readInt());
            honors.add(new Honor(level == null ? null : Honor.Level.valueOf(level), title, count, consecutive,
                    List.copyOf(years), string(in)));
        }
        String target = string(in);
        String summary = string(in);
        List<Stat> stats = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) stats.add(new Stat(string(in), decimal(in), string(in), string(in)));
        return new City(id, name, province, kind == null ? null : City.Kind.valueOf(kind), List.copyOf(honors),
                target, summary, List.copyOf(stats), location(in), string(in), string(in));
    }

    private static void exemplar(RecordOutput out, Exemplar e) throws IOException {
        string(out, e.id());
        string(out, e.name());
        string(out, e.category());
        string(out, e.summary());
        string(out, e.city());
        out.writeInt(e.titles().size());
        for (Exemplar.Title t : e.titles()) {
            string(out, t.title());
            integer(out, t.year());
            string(out, t.issuer());
            string(out, t.edition());
        }
        string(out, e.role());
        string(out, e.service());
        string(out, e.storyHtml());
        string(out, e.photo());
        string(out, e.source());
    }

    private static Exemplar exemplar(RecordInput in) throws IOException {
        String id = string(in);
        String name = string(in);
        String category = string(in);
        String summary = string(in);
        String city = string(in);
        List<Exemplar.Title> titles = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            titles.add(new Exemplar.Title(string(in), integer(in), string(in), string(in)));
        }
        return new Exemplar(id, name, category, summary, city, List.copyOf(titles), string(in), string(in),
                string(in), string(in), string(in));
    }

    private static void merchant(RecordOutput out, Merchant m) throws IOException {
        string(out, m.id());
        string(out, m.name());
        string(out, m.city());
        string(out, m.district());
        string(out, m.category());
        string(out, m.address());
        location(out, m.location());
        string(out, m.phone());
        out.writeInt(m.offers().size());
        for (Merchant.Offer o : m.offers()) {
            strings(out, o.groups());
            string(out, o.text());
            decimal(out, o.discount());
            out.writeBoolean(o.free());
        }
        strings(out, m.credentials());
        string(out, m.alliance());
        date(out, m.since());
        date(out, m.reviewUntil());
        string(out, m.source());
    }

    private static Merchant merchant(RecordInput in) throws IOException {
        String id = string(in);
        String name = string(in);
        String city = string(in);
        String district = string(in);
        String category = string(in);
        String address = string(in);
        Location location = location(in);
        String phone = string(in);
        List<Merchant.Offer> offers = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            offers.add(new Merchant.Offer(strings(in), string(in), decimal(in), in.readBoolean()));
        }
        return new Merchant(id, name, city, district, category, address, location, phone, List.copyOf(offers),
                strings(in), string(in), date(in), date(in), string(in));
    }

    private static void location(RecordOutput out, Location l) throws IOException {
        out.writeBoolean(l != null);
        if (l == null) return;
        out.writeLong(Double.doubleToRawLongBits(l.lat()));
        out.writeLong(Double.doubleToRawLongBits(l.lng()));
    }

    private static Location location(RecordInput in) throws IOException {
        if (!in.readBoolean()) return null;
        return new Location(Double.longBitsToDouble(in.readLong()), Double.longBitsToDouble(in.readLong()));
    }

    /** As text: a BigDecimal's text gives back its scale too (8.50 stays 8.50). */
    private static void decimal(RecordOutput out, BigDecimal d) throws IOException {
        string(out, d == null ? null : d.toString());
    }

    private static BigDecimal decimal(RecordInput in) throws IOException {
        String s = string(in);
        return s == null ? null : new BigDecimal(s);
    }

    private static void integer(RecordOutput out, Integer i) throws IOException {
        out.writeBoolean(i != null);
        if (i != null) out.writeInt(i);
    }

    private static Integer integer(RecordInput in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    private static void date(RecordOutput out, LocalDate d) throws IOException {
        out.writeBoolean(d != null);
        if (d != null) out.writeLong(d.toEpochDay());
    }

    private static LocalDate date(RecordInput in) throws IOException {
        return in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null;
    }
}
