// Puzzles: a quiz (numbered questions, a dotted line for each answer), a spot the difference
// (its two pictures side by side, the caption beneath) and the answers to the section's
// puzzles, each kept with its title.
#include <fmt/format.h>

#include <memory>

#include "layout/components.h"
#include "layout/stack.h"

namespace lp {

namespace {

void puzzle_heading(Stack& stack, const InlineText& title, const InlineText& hint, Pt width, LayoutContext& ctx) {
  const StyleSheet& st = ctx.st;
  add_heading(stack, title, width, ctx, st.heading.space_after + (hint.empty() ? Pt(0) : st.body.space_before));
  if (hint.empty()) return;
  TextStyle style = st.body;
  style.italic = true;
  stack.open(Role::Paragraph, ctx.new_id());
  stack.add_lines(ctx.set(hint, style, width), Pt(0), st.body.space_after, true);
  stack.close();
}

template <typename T>
void remember(std::vector<const T*>& seen, const T* p) {
  for (const T* s : seen)
    if (s == p) return;
  seen.push_back(p);
}

}  // namespace

Fragment lay_out(const Quiz& q, const Regions& regions, LayoutContext& ctx) {
  remember(ctx.quizzes, &q);
  const StyleSheet& st = ctx.st;
  Stack stack;
  puzzle_heading(stack, q.title, q.hint, regions.width, ctx);
  const Pt indent = st.body.size * 1.6;
  const Pt answer_space = st.body.leading * 1.4;  // a line to write on, about 7 mm in the booklet
  stack.open(Role::List, ctx.new_id());
  for (size_t i = 0; i < q.questions.size(); ++i) {
    const uint32_t id = ctx.new_id();
    stack.open(Role::ListItem, id);
    TextStyle number = st.body;
    number.bold = true;
    number.colour = ctx.accent(i);
    auto mark = std::make_shared<Line>(ctx.line(fmt::format("{}.", i + 1), number));
    stack.open(Role::Label, id);
    stack.add(Pt(0), Pt(0), false, [mark](Frame& f, Pt top) { draw_line(f, std::move(*mark), Pt(0), top); });
    stack.close();
    stack.open(Role::ListBody, id);
    stack.add_lines(ctx.set(q.questions[i].question, st.body, regions.width - indent), indent, Pt(0), true);
    stack.close();
    const Colour colour = st.footer.colour;
    const Pt width = regions.width;
    stack.add(answer_space, Pt(0), true, [=](Frame& f, Pt top) {
      PathItem rule = PathItem::line(indent, top + answer_space * 0.75, width, top + answer_space * 0.75);
      rule.stroke = colour;
      rule.line_width = Pt(0.8);
      rule.dotted = true;
      decorate(f, std::move(rule));
    });
    stack.close();
  }
  stack.close();
  return stack.lay_out(regions, ctx, q.pos, "a question");
}

Fragment lay_out(const SpotTheDifference& s, const Regions& regions, LayoutContext& ctx) {
  remember(ctx.spots, &s);
  const StyleSheet& st = ctx.st;
  Stack stack;
  puzzle_heading(stack, s.title, s.hint, regions.width, ctx);
  // The two pictures side by side, each half the frame less a gutter, as tall as the taller.
  std::vector<const Image*> pictures;
  for (const Image* img : {&s.original, &s.changed})
    if (!img->src.empty() && img->pixel_width > 0) pictures.push_back(img);
  if (!pictures.empty()) {
    const Pt gutter = st.components.grid_gutter;
    const Pt w = (regions.width - gutter) / 2;
    Pt h;
    for (const Image* img : pictures) h = std::max(h, w * (static_cast<double>(img->pixel_height) / img->pixel_width));
    h = std::min(h, regions.full * st.components.image_max_height);
    for (const Image* img : pictures) {
      const double aspect = static_cast<double>(img->pixel_height) / img->pixel_width;
      ctx.check_resolution(img->src, img->pixel_width, std::min(w, h / aspect), s.pos);
    }
    const uint32_t id = ctx.new_id();
    ctx.new_id();  // the second picture's
    stack.add(h, Pt(4), s.caption.empty(), [=](Frame& f, Pt top) {
      for (size_t i = 0; i < pictures.size(); ++i) {
        const Image& img = *pictures[i];
        const double aspect = static_cast<double>(img.pixel_height) / img.pixel_width;
        const Pt pw = std::min(w, h / aspect), ph = pw * aspect;
        const Pt x = (w + gutter) * static_cast<double>(i) + (w - pw) / 2;
        const uint32_t figure = id + static_cast<uint32_t>(i);
        f.push(TagItem{true, Role::Figure, figure, 0, {}, img.alt, {}});
        f.push(ImageItem{x, top + (h - ph) / 2, pw, ph, img.src, img.alt});
        f.push(TagItem{false, Role::Figure, figure, 0, {}, {}, {}});
      }
    });
  }
  if (!s.caption.empty()) {
    stack.open(Role::Caption, ctx.new_id());
    stack.add_lines(ctx.set(s.caption, st.caption, regions.width), Pt(0), Pt(0));
    stack.close();
  }
  return stack.lay_out(regions, ctx, s.pos, "the pictures");
}

namespace {

// The written answers to the section's quizzes and spot-the-differences, one after the other.
void add_written_answers(Stack& stack, const Answers& a, Pt width, LayoutContext& ctx) {
  const StyleSheet& st = ctx.st;
  // "<answers-title> 1. … 2. …", the title in bold; by default the puzzle's title and "answers:".
  auto answers = [&](const InlineText& answers_title, const InlineText& title, const char* fallback,
                     const std::vector<const InlineText*>& items) {
    InlineText text = answers_title;
    if (text.empty()) {
      text = title.empty() ? InlineText{Inline{fallback, false, false, "", a.pos, {}}} : title;
      text.push_back(Inline{" " + ctx.doc.info.words.puzzle_answers, false, false, "", a.pos, {}});
    }
    for (auto& run : text) run.bold = true;
    for (size_t i = 0; i < items.size(); ++i) {
      text.push_back(Inline{fmt::format(" {}. ", i + 1), false, false, "", a.pos, {}});
      text.insert(text.end(), items[i]->begin(), items[i]->end());
    }
    stack.open(Role::Paragraph, ctx.new_id());
    stack.add_lines(ctx.set(text, st.caption, width), Pt(0), st.caption.space_after + st.body.space_after);
    stack.close();
  };
  for (const Quiz* q : ctx.quizzes) {
    std::vector<const InlineText*> items;
    for (const auto& question : q->questions) items.push_back(&question.answer);
    answers(q->answers_title, q->title, "Quiz", items);
  }
  for (const SpotTheDifference* s : ctx.spots) {
    std::vector<const InlineText*> items;
    for (const auto& d : s->differences) items.push_back(&d);
    answers(s->answers_title, s->title, "Spot the difference", items);
  }
}

// The solutions of the section's word searches, each under its caption, `width` wide at most.
void add_solutions(Stack& stack, Pt width, LayoutContext& ctx) {
  const StyleSheet& st = ctx.st;
  for (const auto& [ws, grid] : ctx.word_searches) {
    if (!ws->solution) continue;
    TextStyle title = st.caption;
    title.bold = true;
    stack.open(Role::Caption, ctx.new_id());
    stack.add_lines(ctx.set("Word search " + ctx.doc.info.words.puzzle_answers, title, width), Pt(0), st.caption.leading * 0.3, true);
    stack.close();
    const Pt cell = std::min(st.caption.leading, width / grid.size);
    const uint32_t id = ctx.new_id();
    const WordSearchGrid* g = &grid;
    const std::string alt = word_search_alt(*ws, grid, true);
    stack.add(cell * grid.size, st.body.leading, true, [=, &ctx](Frame& f, Pt top) {
      f.push(TagItem{true, Role::Figure, id, 0, {}, alt, {}});
      f.place(word_search_grid(*g, cell, true, width, ctx), Pt(0), top);
      f.push(TagItem{false, Role::Figure, id, 0, {}, {}, {}});
    });
  }
}

// The answers to every puzzle of the section so far, one after the other in `stack`.
void add_answers(Stack& stack, const Answers& a, Pt width, LayoutContext& ctx) {
  add_written_answers(stack, a, width, ctx);
  add_solutions(stack, width, ctx);
}

// A stack laid out whole, in one frame as tall as it needs.
Frame unbroken(Stack& stack, Pt width, LayoutContext& ctx, SourcePos pos) {
  Regions whole;
  whole.width = width;
  whole.first = whole.full = Pt(1e9);
  Fragment f = stack.lay_out(whole, ctx, pos, "an answer");
  return f.frames.empty() ? Frame{} : std::move(f.frames.front());
}

// The answers for turning upside down, in one frame: the written answers and the word-search
// solutions one under the other, or side by side (the solutions on the right, their cells at
// least 0.8 of the caption's size) where that is lower, as a puzzle page's foot has them.
Frame turned_answers(const Answers& a, Pt width, LayoutContext& ctx) {
  const StyleSheet& st = ctx.st;
  const uint32_t first_id = ctx.next_id;
  Stack stacked;
  add_answers(stacked, a, width, ctx);
  const uint32_t stacked_end = ctx.next_id;
  const Pt stacked_h = stacked.total_height();
  // Drawn only when chosen: the stack's ids are those it took first.
  auto one_column = [&] {
    ctx.next_id = stacked_end;
    Frame f = unbroken(stacked, width, ctx, a.pos);
    f.height = stacked_h;
    return f;
  };
  size_t cells = 0;
  for (const auto& [ws, grid] : ctx.word_searches)
    if (ws->solution) cells = std::max(cells, static_cast<size_t>(grid.size));
  if (cells == 0 || (ctx.quizzes.empty() && ctx.spots.empty())) return one_column();
  const Pt gutter = st.components.grid_gutter;
  const Pt grid_w = std::min(st.caption.leading * static_cast<double>(cells), width * 0.45);
  if (grid_w < st.caption.size * 0.8 * static_cast<double>(cells)) return one_column();
  ctx.next_id = first_id;
  Stack written, solutions;
  add_written_answers(written, a, width - grid_w - gutter, ctx);
  add_solutions(solutions, grid_w, ctx);
  const Pt h = std::max(written.total_height(), solutions.total_height());
  if (h >= stacked_h) return one_column();
  Frame both;
  both.width = width;
  both.height = h;
  both.place(unbroken(written, width - grid_w - gutter, ctx, a.pos), Pt(0), Pt(0));
  both.place(unbroken(solutions, grid_w, ctx, a.pos), width - grid_w, Pt(0));
  return both;
}

}  // namespace

Fragment lay_out(const Answers& a, const Regions& regions, LayoutContext& ctx) {
  const StyleSheet& st = ctx.st;
  const InlineText title = a.title.empty() ? InlineText{Inline{ctx.doc.info.words.answers, false, false, "", a.pos, {}}} : a.title;
  if (!a.upside_down || !st.upside_down_answers) {
    Stack stack;
    add_heading(stack, title, regions.width, ctx, st.heading.space_after);
    add_answers(stack, a, regions.width, ctx);
    return stack.lay_out(regions, ctx, a.pos, "an answer");
  }
  // Upside down, as a printed puzzle page has them: the title where the flow is, the answers
  // turned 180° in one group at the foot of the page (the rest of the page is theirs), their
  // tags inside it in reading order. Too tall for a page, they are set upright instead.
  const uint32_t first_id = ctx.next_id;
  Stack heading;
  add_heading(heading, title, regions.width, ctx, Pt(0));
  Frame answers = turned_answers(a, regions.width, ctx);
  const Pt head_h = heading.total_height(), body_h = answers.height, gap = st.heading.space_after;
  if (head_h + gap + body_h > regions.full) {
    ctx.next_id = first_id;
    Answers upright = a;
    upright.upside_down = false;
    return lay_out(upright, regions, ctx);
  }
  Frame head = unbroken(heading, regions.width, ctx, a.pos);
  Fragment out;
  const bool here = head_h + gap + body_h <= regions.first;
  if (!here) out.frames.emplace_back();  // nothing here: the next page
  Frame page;
  page.width = regions.width;
  page.height = here ? regions.first : regions.full;
  page.place(std::move(head), Pt(0), Pt(0));
  Frame turned;
  const Pt top = page.height - body_h;
  turned.place(std::move(answers), Pt(0), top);
  page.push(GroupItem{Transform::rotate_180_about(regions.width / 2, top + body_h / 2), std::nullopt, std::move(turned.items)});
  out.frames.push_back(std::move(page));
  return out;
}

}  // namespace lp
