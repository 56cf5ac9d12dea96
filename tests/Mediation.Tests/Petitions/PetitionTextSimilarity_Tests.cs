using Mediation.Petitions.Application;
using Shouldly;
using Xunit.Abstractions;

namespace Mediation.Tests.Petitions;

public sealed class PetitionTextSimilarity_Tests(ITestOutputHelper output)
{
    internal const string HomesteadA = "我家位于岱东社区，邻居李某翻建房屋时占用了我家宅基地约0.3米，还把院墙砌到了我家排水沟上，多次协商未果。请求恢复原宅基地界址。";
    internal const string HomesteadB = "岱东社区村民王某反映：与邻居李某因宅基地边界发生纠纷，李某建房越界侵占宅基地，院墙压住排水沟，希望有关部门依法确认宅基地界线。";
    internal const string Wages = "本人在泰安某建筑公司工地务工，公司拖欠工资三万余元至今未付，多次讨薪无果，请求督促公司支付拖欠的工资。";
    internal const string Noise = "小区楼下烧烤店夜间噪音扰民，油烟直排，影响居民休息，请求城管部门依法查处。";

    [Fact]
    public void SmartCn_segments_Chinese_into_words() =>
        PetitionTextSimilarity.Words(HomesteadA).ShouldContain("宅基地");

    [Fact]
    public void Two_wordings_of_the_same_homestead_dispute_score_above_the_threshold_and_unrelated_matters_below()
    {
        var scores = PetitionTextSimilarity.Scores(PetitionTextSimilarity.Words(HomesteadB),
            [PetitionTextSimilarity.Words(HomesteadA), PetitionTextSimilarity.Words(Wages), PetitionTextSimilarity.Words(Noise)]);
        output.WriteLine(string.Join(" | ", PetitionTextSimilarity.Words(HomesteadA)));
        output.WriteLine(string.Join(" | ", PetitionTextSimilarity.Words(HomesteadB)));
        output.WriteLine(string.Join(", ", scores));

        scores[0].ShouldBeGreaterThanOrEqualTo(PetitionTextSimilarity.DuplicateThreshold);
        scores[1].ShouldBeLessThan(PetitionTextSimilarity.DuplicateThreshold);
        scores[2].ShouldBeLessThan(PetitionTextSimilarity.DuplicateThreshold);
    }

    [Fact]
    public void A_wage_arrears_complaint_does_not_match_a_homestead_dispute()
    {
        var scores = PetitionTextSimilarity.Scores(PetitionTextSimilarity.Words(Wages),
            [PetitionTextSimilarity.Words(HomesteadA), PetitionTextSimilarity.Words(HomesteadB)]);
        output.WriteLine(string.Join(", ", scores));
        scores.ShouldAllBe(s => s < PetitionTextSimilarity.DuplicateThreshold);
    }
}
