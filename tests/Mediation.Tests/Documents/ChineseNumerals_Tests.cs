using Mediation.Core.Documents.Templates;
using Shouldly;

namespace Mediation.Tests.Documents;

public sealed class ChineseNumerals_Tests
{
    [Theory]
    [InlineData(0, "零")]
    [InlineData(3, "三")]
    [InlineData(10, "十")]
    [InlineData(12, "十二")]
    [InlineData(20, "二十")]
    [InlineData(101, "一百零一")]
    [InlineData(110, "一百一十")]
    [InlineData(1005, "一千零五")]
    [InlineData(2026, "二千零二十六")]
    public void Counts_are_written_as_official_documents_write_them(int value, string expected) =>
        ChineseNumerals.Format(value).ShouldBe(expected);
}
