namespace Kansa.Recurrence;

/// <summary>A text to compare: a finding's title and excerpt.</summary>
/// <param name="Id">The finding's id.</param>
/// <param name="Group">What counts as "the same audit" (its id): similar findings come from other groups.</param>
/// <param name="Title">The title (counted twice: it names the subject).</param>
/// <param name="Body">The excerpt.</param>
public sealed record TermDocument(int Id, int Group, string Title, string? Body);

/// <summary>One similar finding, with the score and the terms both share, the weightiest first.</summary>
/// <param name="Id">The similar finding's id.</param>
/// <param name="Score">Cosine similarity of the two TF-IDF vectors, 0..1.</param>
/// <param name="SharedTerms">Words found in both texts (再委託, パスワード), which explain the score.</param>
public sealed record SimilarMatch(int Id, double Score, IReadOnlyList<string> SharedTerms);

/// <summary>
/// TF-IDF over <see cref="TermText"/> terms with cosine similarity: a score anyone can follow. A term weighs
/// (1 + log tf) × log(1 + N / df): frequent in the finding, rare in the whole collection. Terms found in more than a fifth of
/// the findings (について, 事務) are left out as saying nothing about a theme, and so are the
/// <see cref="GenericTerms"/> (理由, 職員) that any subject's findings use.
/// </summary>
public sealed class SimilarityIndex
{
    private readonly Dictionary<int, TermDocument> documents;
    private readonly Dictionary<int, Dictionary<string, double>> vectors = [];
    private readonly Dictionary<string, List<int>> postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> idf = new(StringComparer.Ordinal);

    /// <summary>Builds the index.</summary>
    public SimilarityIndex(IEnumerable<TermDocument> docs)
    {
        documents = docs.ToDictionary(d => d.Id);
        var counts = documents.Values.ToDictionary(d => d.Id, d => TermText.Terms(d.Title).Concat(TermText.Terms(d.Title)).Concat(TermText.Terms(d.Body))
            .GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));
        var df = counts.Values.SelectMany(c => c.Keys).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var n = Math.Max(1, documents.Count);
        var limit = Math.Max(2, n / 5);
        foreach (var (term, count) in df.Where(p => p.Value <= limit && !GenericTerms.Contains(p.Key)))
        {
            idf[term] = Math.Log(1 + ((double)n / count));
        }

        foreach (var (id, terms) in counts)
        {
            var vector = terms.Where(t => idf.ContainsKey(t.Key)).ToDictionary(t => t.Key, t => (1 + Math.Log(t.Value)) * idf[t.Key], StringComparer.Ordinal);
            var norm = Math.Sqrt(vector.Values.Sum(v => v * v));
            foreach (var term in vector.Keys.ToList())
            {
                vector[term] /= norm;
                if (!postings.TryGetValue(term, out var list))
                {
                    postings[term] = list = [];
                }

                list.Add(id);
            }

            vectors[id] = vector;
        }
    }

    /// <summary>The most similar findings of other groups, at least <paramref name="minimum"/> alike, the closest first.</summary>
    public IReadOnlyList<SimilarMatch> Similar(int id, int count = 5, double minimum = 0.1)
    {
        if (!vectors.TryGetValue(id, out var vector) || !documents.TryGetValue(id, out var doc))
        {
            return [];
        }

        // Only findings sharing a term can score above zero: the postings find them without comparing every pair.
        var scores = new Dictionary<int, double>();
        foreach (var (term, weight) in vector)
        {
            foreach (var other in postings[term])
            {
                if (other != id && documents[other].Group != doc.Group)
                {
                    scores[other] = scores.GetValueOrDefault(other) + (weight * vectors[other][term]);
                }
            }
        }

        return [.. scores.Where(s => s.Value >= minimum)
            .OrderByDescending(s => s.Value).ThenBy(s => s.Key)
            .Take(count)
            .Select(s => new SimilarMatch(s.Key, Math.Round(s.Value, 3), SharedTerms(doc, documents[s.Key])))];
    }

    /// <summary>
    /// The words both texts contain, as whole as possible: the longest stretches of a kanji/katakana run of one text that
    /// the other contains too (再委託 rather than 再委 and 委託), weighed by their terms' IDF, the weightiest first.
    /// </summary>
    public IReadOnlyList<string> SharedTerms(TermDocument a, TermDocument b, int count = 5)
    {
        var other = TermText.Fold($"{b.Title}\n{b.Body}");
        var found = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var run in TermText.Runs($"{a.Title}\n{a.Body}"))
        {
            if (char.IsAsciiLetterOrDigit(run[0]))
            {
                if (idf.TryGetValue(run, out var w) && TermText.Runs(other).Contains(run, StringComparer.Ordinal))
                {
                    found[run] = w;
                }

                continue;
            }

            var i = 0;
            while (i + 1 < run.Length)
            {
                var length = 1;
                while (i + length < run.Length && other.Contains(run.Substring(i, length + 1), StringComparison.Ordinal))
                {
                    length++;
                }

                if (length >= 2)
                {
                    var word = run.Substring(i, length);
                    var weight = Enumerable.Range(0, length - 1).Sum(k => idf.GetValueOrDefault(word.Substring(k, 2)));
                    if (weight > 0)
                    {
                        found[word] = Math.Max(found.GetValueOrDefault(word), weight);
                    }

                    i += length;
                }
                else
                {
                    i++;
                }
            }
        }

        // A word inside a longer shared word adds nothing (委託 beside 再委託).
        return [.. found.Where(f => !found.Keys.Any(k => k.Length > f.Key.Length && k.Contains(f.Key, StringComparison.Ordinal)))
            .OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal)
            .Take(count).Select(f => f.Key)];
    }

    /// <summary>The documents, by id.</summary>
    public IReadOnlyDictionary<int, TermDocument> Documents => documents;
}
