package rongguang.assets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CssMinifierTest {

    @Test
    void removesCommentsAndCollapsesWhitespace() {
        assertThat(CssMinifier.minify("""
                /* the theme */
                a {
                  color : red;   /* why */
                  margin: 0 auto ;
                }

                b, i { font-weight: 700; }
                """)).isEqualTo("a{color :red;margin:0 auto}b,i{font-weight:700}");
    }

    @Test
    void keepsStringsAsWritten() {
        String css = "a::before{content:\"/* not a comment */  { ; }\"}b::after{content:'it\\'s  /*'}";
        assertThat(CssMinifier.minify(css)).isEqualTo(css);
    }

    @Test
    void keepsUrlContentsAsWritten() {
        assertThat(CssMinifier.minify("a { background: url( \"a b.png\" ) , url(x/*y*/z.png) ; }"))
                .isEqualTo("a{background:url( \"a b.png\" ),url(x/*y*/z.png)}");
    }

    @Test
    void keepsTheSpacesThatCalcNeeds() {
        assertThat(CssMinifier.minify("a { width: calc( 100% - 2rem );  height: calc(1px + -2px) }"))
                .isEqualTo("a{width:calc( 100% - 2rem );height:calc(1px + -2px)}");
    }

    @Test
    void keepsTheDescendantCombinatorBeforeAPseudoClass() {
        assertThat(CssMinifier.minify("nav  :focus-visible { outline: 0 }\na:hover{x:y}"))
                .isEqualTo("nav :focus-visible{outline:0}a:hover{x:y}");
    }

    @Test
    void aCommentBetweenTwoWordsStillSeparatesThem() {
        assertThat(CssMinifier.minify("a{margin:1px/**/2px}")).isEqualTo("a{margin:1px 2px}");
    }

    @Test
    void mediaQueriesAndImportantStay() {
        assertThat(CssMinifier.minify("@media (min-width: 40em) and (max-width : 60em) {\n  .x { color: red !important; }\n}"))
                .isEqualTo("@media (min-width:40em) and (max-width :60em){.x{color:red !important}}");
    }

    @Test
    void anUnclosedCommentEndsTheFile() {
        assertThat(CssMinifier.minify("a{b:c}/* unclosed")).isEqualTo("a{b:c}");
    }

    @Test
    void escapedCharactersInSelectorsStay() {
        assertThat(CssMinifier.minify(".md\\:flex { display: flex }")).isEqualTo(".md\\:flex{display:flex}");
    }
}
