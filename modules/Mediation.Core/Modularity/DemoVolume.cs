using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Core.Modularity;

/// <summary>
/// The multi-year 泰安 data set of etc/generate-demo.sh (Demo:Volume small or 5m, Demo:VolumeSeed): each module writes its own past
/// records in its demo seed — the rows its services write, dated in past years — and the statistics recount after them keeps their
/// facts. The seed's rows (DOMAIN.md, "The statistics people report") are the same at every size; the size scales the rest.
/// </summary>
public sealed record DemoVolume(string Size, int Seed)
{
    public const string SizeSetting = "Demo:Volume";
    public const string SeedSetting = "Demo:VolumeSeed";
    public const string Small = "small";
    public const string FiveMillion = "5m";

    /// <summary>The multiple of the small set's other records: 5m writes about five million records in all.</summary>
    public int Scale => Size == FiveMillion ? 1000 : 1;

    public bool IsSmall => Size == Small;

    /// <summary>The volume asked for, or null; an unknown size stops the start rather than generating something else.</summary>
    public static DemoVolume? Wanted(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        if (configuration[SizeSetting] is not { Length: > 0 } size) return null;
        if (size is not (Small or FiveMillion)) throw new InvalidOperationException($"{SizeSetting} is '{size}'; use {Small} or {FiveMillion}.");
        return new DemoVolume(size, configuration.GetValue<int?>(SeedSetting) ?? 1);
    }

    /// <summary>A valid 18-digit 身份证号 of a person born in 泰安 (GB 11643 check digit), for generated parties.</summary>
    public static string IdCardNumber(Random random, string areaCode)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(random.Next(0, 50 * 365));
        var body = $"{areaCode}{birth:yyyyMMdd}{random.Next(0, 1000):D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
