package rongguang.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rongguang.bench.SyntheticSite;
import rongguang.problems.Problems;
import rongguang.testing.TestSite;

/**
 * The whole index of a site of many batches (documents are tokenized 64 at a time, on every core, into arenas that
 * batches take in turn) holds, for every document, exactly the keys and positions its own text gives.
 */
class SearchIndexContentTest {
    @TempDir
    Path tmp;

    @Test
    void everyDocumentHasItsKeysAndPositionsInTheShardsAndNoOthers() throws IOException {
        new SyntheticSite(SyntheticSite.Size.of(300, null), 7).write(tmp.resolve("synthetic"),
                TestSite.SAMPLE.resolve("templates"));
        Path out = tmp.resolve("out");
        TestSite.build(tmp.resolve("synthetic/rongguang"), out, false, new Problems());
        ObjectMapper json = new ObjectMapper();
        Path index = out.resolve("search/index");
        int shards = json.readTree(index.resolve("meta.json").toFile()).path("shards").asInt();

        // every key's entry for each document, as the shards hold it: 1 when in the title, then its positions
        Map<String, Map<Integer, String>> indexed = new HashMap<>();
        int words = 0;
        for (int s = 0; s < shards; s++) {
            String hex = Integer.toHexString(s);
            for (Postings.Entry e : ShardFile.decode(Files.readAllBytes(index.resolve("d" + hex + ".bin")),
                    Files.readAllBytes(index.resolve("p" + hex + ".bin")))) {
                assertThat(Tokenizer.shardOf(e.key(), shards)).as(e.key()).isEqualTo(s);
                if (!Tokenizer.isHan(e.key().codePointAt(0))) words++;
                indexed.put(e.key(), entries(e.posting()));
            }
        }
        assertThat(words).as("words besides bigrams").isGreaterThan(100);

        int documents;
        try (var files = Files.list(out.resolve("search/doc"))) {
            documents = (int) files.count();
        }
        assertThat(documents).isGreaterThan(4 * 64);
        Map<String, Integer> found = new HashMap<>();
        for (int doc = 0; doc < documents; doc++) {
            JsonNode file = json.readTree(out.resolve("search/doc/" + doc + ".json").toFile());
            Postings.DocKeys keys = Postings.DocKeys.of(file.path("title").asText(), file.path("text").asText(), 1);
            int number = doc;
            keys.forEach((key, title, from, to) -> {
                StringBuilder entry = new StringBuilder(title ? "1" : "0");
                for (int i = from; i < to; i++) entry.append(',').append(keys.blocks[i]);
                assertThat(indexed.getOrDefault(key, Map.of()).get(number)).as(key + " in " + number)
                        .isEqualTo(entry.toString());
                found.merge(key, 1, Integer::sum);
            });
        }
        // and nothing else: each key holds as many documents as have it
        indexed.forEach((key, docs) -> assertThat(found.get(key)).as(key).isEqualTo(docs.size()));
    }

    /** A posting's documents, each with its entry written as in the test above. */
    private static Map<Integer, String> entries(Postings.Posting posting) {
        Map<Integer, String> entries = new HashMap<>();
        byte[] d = posting.docs();
        byte[] p = posting.positions();
        int at = 0;
        int pat = 0;
        int doc = -1;
        for (int n = 0; n < posting.count; n++) {
            int value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = d[at++];
                value |= (b & 0x7f) << shift;
                if (b >= 0) break;
            }
            doc += (value >>> 1) + 1;
            StringBuilder entry = new StringBuilder((value & 1) == 1 ? "1" : "0");
            // the positions, up to and with the 0 that ends them (the only byte 0 a varint block can hold)
            while (true) {
                byte b = p[pat++];
                entry.append(',').append(b);
                if (b == 0) break;
            }
            entries.put(doc, entry.toString());
        }
        return entries;
    }
}
