package rongguang.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import rongguang.model.Article;
import rongguang.model.Site;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one FreeMarker configuration of a build, shared by all threads. Templates come from the site's
 * {@code templates/} folder; feed, sitemap and robots.txt have built-in defaults that a site may override.
 * {@code .ftlh} templates escape HTML and {@code .ftlx} templates XML automatically.
 */
public final class Templates {
    static final String BUILT_IN = "/rongguang/templates";
    static final java.util.List<String> BUILT_IN_NAMES = java.util.List.of("feed.ftlx", "sitemap.ftlx", "robots.ftl");

    private Templates() {}

    public static Configuration configuration(Path templatesDir) throws IOException {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        TemplateLoader builtIn = new ClassTemplateLoader(Templates.class, BUILT_IN);
        cfg.setTemplateLoader(Files.isDirectory(templatesDir)
                ? new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(templatesDir.toFile()), builtIn})
                : builtIn);
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setURLEscapingCharset("UTF-8");
        cfg.setLocale(Locale.SIMPLIFIED_CHINESE);
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setForceLegacyNonListCollections(false);
        wrapper.setIterableSupport(true);
        wrapper.setDefaultZeroArgumentNonVoidMethodPolicy(
                ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(
                ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        cfg.setObjectWrapper(new DefaultObjectWrapper(wrapper, true) {
            @Override
            public TemplateModel wrap(Object obj) throws TemplateModelException {
                TemplateModel model = super.wrap(obj);
                if (obj instanceof Site) return SiteDependencies.tracked((TemplateHashModel) model, obj);
                if (obj instanceof Article a) return TextReads.tracked((TemplateHashModelEx) model, a);
                return model;
            }
        });
        return cfg;
    }
}
