package rongguang.render;

import freemarker.core.Environment;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.util.List;
import rongguang.assets.Assets;
import rongguang.text.Suggestions;

/**
 * {@code asset("style.css")} in a template: the URL of an asset's hashed file, relative to the page like
 * {@code root} ({@code ../../assets/style.3f9a1c0b.css}). The page is noted as depending on that asset, so that a
 * changed asset re-renders the pages that refer to it. An unknown name stops the build at the template's place.
 */
public final class AssetFunction implements TemplateMethodModelEx {
    /** The prefix of the dependency a page records for an asset it refers to. */
    static final String MEMBER_PREFIX = "asset:";

    private final Assets assets;

    public AssetFunction(Assets assets) {
        this.assets = assets;
    }

    @Override
    public Object exec(List arguments) throws TemplateModelException {
        if (arguments.size() != 1 || !(arguments.get(0) instanceof TemplateScalarModel name)) {
            throw new TemplateModelException("asset(…) 需要一个参数：templates/assets/ 下的文件名，如 asset(\"style.css\")");
        }
        String logical = name.getAsString().replaceFirst("^/", "").replaceFirst("^assets/", "");
        SiteDependencies.note(MEMBER_PREFIX + logical);
        String hashed = assets.hashedName(logical);
        if (hashed == null) {
            String hint = Suggestions.nearest(logical, assets.names()).map(s -> "，是否应为“" + s + "”？").orElse("");
            throw new TemplateModelException("templates/assets/ 中没有“" + logical + "”" + hint);
        }
        return new SimpleScalar(root() + "assets/" + hashed);
    }

    private static String root() throws TemplateModelException {
        Environment env = Environment.getCurrentEnvironment();
        TemplateModel root = env == null ? null : env.getDataModel().get("root");
        return root instanceof TemplateScalarModel s ? s.getAsString() : "";
    }
}
