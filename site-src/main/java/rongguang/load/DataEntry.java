package rongguang.load;

import java.util.List;
import rongguang.problems.Located;
import rongguang.problems.Problem;
import rongguang.write.FileStamp;

/**
 * What reading one data file gave: its objects (a city, an exemplar, a merchant, whichever its folder holds) and
 * the problems found, with the file's stamp, by which a later load in the same process knows it need not read the
 * file again.
 */
public record DataEntry(String file, FileStamp stamp, List<Located<?>> objects, List<Problem> problems) {}
