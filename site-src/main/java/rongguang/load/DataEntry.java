package rongguang.load;

import java.util.List;
import rongguang.problems.Problem;
import rongguang.write.FileStamp;

/**
 * What reading one data file gave: its objects (cities, exemplars or merchants, whichever its folder holds) with
 * their JSON pointers in the file, and the problems found, with the file's stamp, by which a later load (in the same
 * process, or from the build cache) knows it need not read the file again.
 */
public record DataEntry(String file, FileStamp stamp, List<Object> values, List<String> pointers,
                        List<Problem> problems) {}
