using Mediation.Core.Validation;
using Shouldly;

namespace Mediation.Tests.Core;

public sealed class TextRules_Tests
{
    [Theory]
    [InlineData("调解协议书")]
    [InlineData("第一行\r\n第二行\t制表")]
    [InlineData("👨‍👩‍👧调解😀")]
    [InlineData("\u200B零宽\uFEFF")] // invisible but harmless: a zero-width space does not reorder anything
    [InlineData("ئۇيغۇرچە 维吾尔文")] // Uyghur is written right to left; the bidirectional algorithm orders it without controls
    [InlineData("a\u200Eb\u200Fc\u061Cd")] // the marks LRM, RLM and ALM only nudge the ordering and stay allowed
    [InlineData("~")] // U+007E, the last character before DEL
    [InlineData("\u00A0不换行空格")] // U+00A0, the first after the C1 controls
    public void Ordinary_text_is_acceptable(string text) => TextRules.IsAcceptable(text).ShouldBeTrue();

    [Theory]
    [InlineData("a\0b", "NUL")]
    [InlineData("a\u001Fb", "unit separator (C0)")]
    [InlineData("a\u007Fb", "DEL")]
    [InlineData("a\u0085b", "next line (C1)")]
    [InlineData("a\u009Fb", "application program command (C1)")]
    [InlineData("合同金额\u202E0001￥", "right-to-left override")]
    [InlineData("\u202D左\u202C", "left-to-right override and pop")]
    [InlineData("\u202A嵌入", "left-to-right embedding")]
    [InlineData("\u202B嵌入", "right-to-left embedding")]
    [InlineData("\u2066隔离\u2069", "left-to-right isolate")]
    [InlineData("\u2067隔离", "right-to-left isolate")]
    [InlineData("\u2068隔离", "first-strong isolate")]
    public void Control_and_bidirectional_formatting_characters_are_refused(string text, string what) =>
        TextRules.IsAcceptable(text).ShouldBeFalse(what);

    [Fact]
    public void A_lone_surrogate_is_refused()
    {
        // Built at run time: an attribute's string is stored as UTF-8, which turns a lone surrogate into U+FFFD.
        TextRules.IsAcceptable(new string([(char)0xD800, 'x'])).ShouldBeFalse("lone high surrogate");
        TextRules.IsAcceptable(new string(['x', (char)0xDC00])).ShouldBeFalse("lone low surrogate");
        TextRules.IsAcceptable(new string([(char)0xD840, (char)0xDC00])).ShouldBeTrue("U+20000, a pair");
    }

    [Fact]
    public void No_text_is_acceptable() => TextRules.IsAcceptable(null).ShouldBeTrue();
}
