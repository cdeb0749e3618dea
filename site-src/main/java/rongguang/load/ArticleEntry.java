package rongguang.load;

import java.util.List;
import rongguang.model.Article;
import rongguang.problems.Problem;
import rongguang.write.FileStamp;

/**
 * What reading one article file gave: the article (null when the file has errors) and the problems found, with
 * the file's stamp (size and time of change), by which a later build knows it need not read the file again.
 */
public record ArticleEntry(String file, FileStamp stamp, Article article, List<Problem> problems) {}
