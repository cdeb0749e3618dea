package rongguang.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import rongguang.write.OutputTree;

/**
 * The launcher's training run: what a department does in one process (the site built, built again after an
 * article was edited, and checked), on a copy of a site in a temporary folder. The launcher runs it once per
 * build of the jar with {@code -XX:ArchiveClassesAtExit}, so that the JVM's class archive holds what every command
 * loads, whatever the first command run was (an archive made by {@code --version} held almost nothing of a build).
 */
@Command(name = "train", hidden = true, description = "为 JVM 类存档做一次训练运行（启动脚本使用）")
final class TrainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SITE", description = "要复制来训练的站点文件夹（含 content/ 与 templates/）")
    Path site;

    @Override
    public Integer call() throws IOException {
        Path work = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "rongguang-train-");
        try {
            Path copy = work.resolve("site");
            for (String folder : List.of("content", "templates")) {
                Path from = site.resolve(folder);
                if (Files.isDirectory(from)) OutputTree.copyFolder(from, copy.resolve(folder));
            }
            String output = work.resolve("output").toString();
            int built = Main.run("build", "--site", copy.toString(), "--output", output);
            try (Stream<Path> articles = Files.walk(copy.resolve("content/articles"))) {
                List<Path> md = articles.filter(p -> p.toString().endsWith(".md")).sorted().toList();
                if (!md.isEmpty()) {
                    Files.writeString(md.get(0), "\n训练运行添加的一段话。\n", StandardCharsets.UTF_8,
                            StandardOpenOption.APPEND);
                }
            }
            int rebuilt = Main.run("build", "--site", copy.toString(), "--output", output);
            int checked = Main.run("check", "--site", copy.toString());
            return built == 0 && rebuilt == 0 && checked <= 1 ? 0 : 1;
        } finally {
            OutputTree.deleteTree(work);
        }
    }
}
