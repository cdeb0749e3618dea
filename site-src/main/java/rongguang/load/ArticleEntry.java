package rongguang.load;

import java.util.List;
import rongguang.model.Article;
import rongguang.problems.Problem;

/**
 * What reading one article file gave: the article (null when the file has errors) and the problems found, with
 * the file's size and time of change, by which a later build knows it need not read the file again.
 */
public record ArticleEntry(String file, long size, long modified, Article article, List<Problem> problems) {}
