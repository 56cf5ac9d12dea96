using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Mediation.Petitions.Application;

/// <summary>
/// Similar matters in Chinese text: words from Lucene's SmartChineseAnalyzer (a hidden-Markov segmenter with
/// its own dictionary, so 宅基地 and 拖欠工资 come out as words), weighted TF-IDF over the compared set, cosine.
/// Function words and single characters carry no topic and are dropped.
/// </summary>
internal static class PetitionTextSimilarity
{
    /// <summary>Chosen on the test pairs: differently worded 宅基地 complaints score above it, 宅基地 against 拖欠工资 well below.</summary>
    public const double DuplicateThreshold = 0.25;

    private static readonly SmartChineseAnalyzer Analyzer = new(LuceneVersion.LUCENE_48);
    private static readonly Lock AnalyzerLock = new();

    private static readonly HashSet<string> StopWords =
    [
        "我们", "你们", "他们", "她们", "自己", "本人", "我家", "他家", "她家", "这个", "那个", "一个", "没有", "已经", "因为", "所以", "但是", "可是",
        "而且", "还是", "或者", "以及", "如果", "请求", "要求", "希望", "反映", "问题", "情况", "有关", "相关", "部门", "进行", "予以", "给予", "帮助",
        "解决", "处理", "多次", "至今", "现在", "今年", "去年", "目前", "一直", "经过", "通过", "对于", "关于", "为了",
    ];

    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        lock (AnalyzerLock)
        {
            using var stream = Analyzer.GetTokenStream("matter", text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var word = term.ToString();
                if (word.Length > 1 && !StopWords.Contains(word) && !word.All(char.IsAsciiDigit)) words.Add(word);
            }
            stream.End();
        }
        return words;
    }

    /// <summary>Cosine of the draft against each candidate, with IDF taken over the draft and all candidates.</summary>
    public static IReadOnlyList<double> Scores(IReadOnlyList<string> draft, IReadOnlyList<IReadOnlyList<string>> candidates)
    {
        var documents = candidates.Prepend(draft).ToList();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in documents)
        foreach (var word in document.Distinct())
            documentFrequency[word] = documentFrequency.GetValueOrDefault(word) + 1;
        var idf = documentFrequency.ToDictionary(p => p.Key, p => Math.Log((1.0 + documents.Count) / (1.0 + p.Value)) + 1.0, StringComparer.Ordinal);

        var draftVector = Vector(draft, idf);
        return candidates.Select(c => Cosine(draftVector, Vector(c, idf))).ToList();
    }

    private static Dictionary<string, double> Vector(IReadOnlyList<string> words, Dictionary<string, double> idf) =>
        words.GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (1.0 + Math.Log(g.Count())) * idf[g.Key], StringComparer.Ordinal);

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        var dot = a.Where(p => b.ContainsKey(p.Key)).Sum(p => p.Value * b[p.Key]);
        var norm = Math.Sqrt(a.Values.Sum(v => v * v)) * Math.Sqrt(b.Values.Sum(v => v * v));
        return norm == 0 ? 0 : dot / norm;
    }
}
