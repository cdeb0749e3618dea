package rongguang.model;

import java.util.List;
import java.util.Set;
import rongguang.problems.Located;

/** Everything the load stage read, before links are checked: the input of {@link SiteAssembler}. */
public record SiteInput(
        Settings settings,
        List<Located<Article>> articles,
        List<Located<City>> cities,
        List<Located<Exemplar>> exemplars,
        List<Located<Merchant>> merchants,
        Set<String> media) {}
