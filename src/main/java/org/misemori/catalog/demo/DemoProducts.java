package org.misemori.catalog.demo;

import java.util.List;

import org.misemori.catalog.TaxClass;
import org.misemori.catalog.demo.DemoProduct.Axis;

/**
 * The demo shop's catalog: 暮らしの道具と、季節の食卓. Kitchen tools and tableware carry the
 * standard 10%, tea and food the reduced 8%. Names are of real kinds of goods; the products,
 * makers and prices are fictitious.
 */
final class DemoProducts {

	static final List<DemoCategory> CATEGORIES = List.of(new DemoCategory("kitchen", "台所道具", 10),
			new DemoCategory("tableware", "器と食卓", 20), new DemoCategory("tea", "お茶と茶道具", 30),
			new DemoCategory("food", "食品・調味料", 40), new DemoCategory("season", "季節のおすすめ", 5));

	static final List<DemoProduct> PRODUCTS = List.of(
			goods("nanbu-tetsubin", "南部鉄器 鉄瓶 あられ", "岩手の職人が砂型で鋳込んだ鉄瓶。湯がまろやかになります。IH不可。", 13200, 3300,
					axis("容量", "0.8L", "1.2L"), "kitchen"),
			goods("santoku-knife", "三徳包丁 ステンレス割込", "肉・魚・野菜に一本で。錆びにくいステンレスで、研ぎ直しもできます。", 8800, 1100,
					axis("刃渡り", "165mm", "180mm"), "kitchen"),
			goods("yukihira-pan", "雪平鍋 アルミ打ち出し", "槌目が熱を素早く伝える、煮物と味噌汁の定番。", 3850, 550,
					axis("サイズ", "16cm", "18cm", "20cm"), "kitchen"),
			goods("tamagoyaki-pan", "銅の玉子焼き器", "熱がむらなく回り、ふっくらと焼き上がります。", 9900, 2200,
					axis("サイズ", "関東型 小", "関東型 中"), "kitchen"),
			goods("otoshibuta", "さわらの落とし蓋", "水に強いさわら材。煮崩れを防ぎ、味を含ませます。", 1100, 220,
					axis("サイズ", "15cm", "18cm", "21cm"), "kitchen"),
			goods("suribachi", "美濃焼 すり鉢", "櫛目が細かく、胡麻がよく当たります。", 2420, 660,
					axis("サイズ", "5寸", "6寸"), axis("色", "白", "飴"), "kitchen"),
			goods("makisu", "国産竹の巻きす", "太巻きにも使える24cm角。", 660, 0, null, "kitchen"),
			goods("oroshigane", "銅製 おろし金", "手目立ての刃で、大根おろしがふんわり仕上がります。", 5500, 2200,
					axis("サイズ", "小", "中"), "kitchen"),
			goods("hinoki-board", "ひのきのまな板", "刃当たりがやさしく、香りのよい四万十ひのき。", 3300, 1650,
					axis("サイズ", "小", "中", "大"), "kitchen"),
			goods("take-zaru", "竹の盛りざる", "そばやそうめんを盛って、そのまま食卓へ。", 1980, 440,
					axis("サイズ", "21cm", "24cm"), "kitchen", "season"),
			goods("iga-donabe", "伊賀焼 ご飯土鍋", "二重蓋で吹きこぼれにくく、火加減いらず。", 8800, 2200,
					axis("炊飯量", "2合", "3合"), "kitchen"),
			goods("hasami-mug", "波佐見焼 マグカップ", "手に馴染む厚みの、毎日使えるマグ。電子レンジ・食洗機可。", 2200, 0,
					axis("色", "白", "藍", "灰"), "tableware"),
			goods("rinka-plate", "輪花皿", "花びらのような縁の取り皿。和洋どちらの料理にも。", 1650, 770,
					axis("サイズ", "15cm", "21cm"), axis("色", "白", "藍"), "tableware"),
			goods("kohiki-chawan", "粉引の飯碗", "やわらかな白。使い込むほど風合いが増します。", 2530, 330,
					axis("サイズ", "小", "大"), "tableware"),
			goods("sometsuke-kobachi", "染付 小鉢", "呉須の手描き。和え物や香の物に。", 1430, 0,
					axis("柄", "唐草", "蛸唐草", "網目"), "tableware"),
			goods("urushi-wan", "漆の汁椀", "木地に本漆を重ねた、軽くて熱の伝わりにくいお椀。", 6600, 0,
					axis("色", "朱", "黒"), "tableware"),
			goods("wakasa-hashi", "若狭塗 箸", "貝殻と卵殻を塗り込めた、滑りにくいお箸。", 2750, 220,
					axis("長さ", "21cm", "23cm"), axis("色", "朱", "黒"), "tableware"),
			goods("edo-glass-tumbler", "江戸硝子 タンブラー", "職人の宙吹き。口当たりの薄いグラス。", 3960, 0,
					axis("色", "透明", "瑠璃", "琥珀"), "tableware", "season"),
			goods("chusen-tenugui", "注染 手ぬぐい", "裏まで色が通る注染染め。使うほど柔らかく。", 1320, 0,
					axis("柄", "麻の葉", "青海波", "豆絞り"), "tableware"),
			goods("nagate-bon", "栗の木の長手盆", "一人分の食事がちょうど載る長手盆。", 4950, 1100,
					axis("サイズ", "尺", "尺二"), "tableware"),
			goods("hashioki-set", "箸置き 五色セット", "季節の色を集めた五つの箸置き。", 1650, 0, null, "tableware"),
			goods("chasen", "茶筅 八十本立", "高山の竹で作った、点てやすい八十本立。", 3300, 0, null, "tea"),
			goods("tokoname-kyusu", "常滑焼 急須", "ささめの茶こしで、深蒸し茶も詰まりません。", 5500, 0,
					axis("色", "朱泥", "黒泥"), "tea"),
			food("uji-sencha", "宇治煎茶 露", "爽やかな香りと、ほどよい渋み。", 1080, 1000, axis("内容量", "100g", "200g"), "tea"),
			food("kabusecha", "かぶせ茶", "摘む前に覆いをかけて育てた、旨みの濃いお茶。", 1296, 0, null, "tea"),
			food("kaga-bocha", "加賀棒ほうじ茶", "茎を焙じた香ばしいほうじ茶。", 864, 756, axis("内容量", "100g", "200g"), "tea"),
			food("genmaicha", "抹茶入り玄米茶", "炒り玄米の香ばしさに、抹茶の色と香り。", 756, 0, null, "tea"),
			food("matcha-usucha", "薄茶用 抹茶 松風", "まろやかで、泡の立ちやすい薄茶用。", 1620, 540,
					axis("容器", "30g缶", "40g袋"), "tea"),
			food("wakocha", "国産 和紅茶 ティーバッグ", "渋みが少なく、ほのかに甘い日本の紅茶。", 972, 1620, axis("入数", "10包", "30包"), "tea"),
			food("nanko-umeboshi", "紀州南高梅 しそ漬け", "昔ながらの塩としそだけで漬けた梅干し。", 1944, 1296,
					axis("内容量", "300g", "500g"), "food"),
			food("rishiri-kombu", "利尻昆布 だし用", "澄んだ上品なだしがとれる利尻昆布。", 1512, 0, null, "food"),
			food("katsuobushi", "本枯節 削り節", "カビ付けを重ねた本枯節を、注文ごとに削ります。", 1080, 864,
					axis("内容量", "80g", "150g"), "food"),
			food("kyo-shiromiso", "京風 白味噌", "甘くまろやかな白味噌。お雑煮や西京焼きに。", 918, 756, axis("内容量", "500g", "1kg"), "food",
					"season"),
			food("ago-dashi", "あごだしパック", "焼きあごと昆布の、煮出すだけのだしパック。", 702, 1296, axis("入数", "10袋", "30袋"), "food"),
			food("yuzu-kosho", "青柚子胡椒", "青柚子の皮と青唐辛子を塩で熟成。", 594, 0, null, "food", "season"),
			food("juwari-soba", "信州 十割そば 乾麺", "そば粉だけで打った、香り高い乾麺。", 648, 540, axis("量", "2人前", "4人前"), "food"),
			food("kinako-ame", "きな粉飴", "国産大豆のきな粉を練り込んだ、素朴な飴。", 432, 0, null, "food"));

	/** A product being prepared: staff see it in the admin, shoppers do not. */
	static final DemoProduct DRAFT = food("shincha-yoyaku", "新茶 予約（5月発送）", "八十八夜に摘んだ一番茶。発送は5月中旬です。",
			2160, 0, null, "tea", "season");

	private DemoProducts() {
	}

	record DemoCategory(String handle, String title, int position) {
	}

	private static Axis axis(String label, String... values) {
		return new Axis(label, List.of(values));
	}

	private static DemoProduct goods(String handle, String title, String description, long price, long step, Axis first,
			String... categories) {
		return of(TaxClass.STANDARD, handle, title, description, price, step, first == null ? List.of() : List.of(first),
				categories);
	}

	private static DemoProduct goods(String handle, String title, String description, long price, long step, Axis first,
			Axis second, String... categories) {
		return of(TaxClass.STANDARD, handle, title, description, price, step, List.of(first, second), categories);
	}

	private static DemoProduct food(String handle, String title, String description, long price, long step, Axis first,
			String... categories) {
		return of(TaxClass.REDUCED, handle, title, description, price, step, first == null ? List.of() : List.of(first),
				categories);
	}

	private static DemoProduct of(TaxClass tax, String handle, String title, String description, long price, long step,
			List<Axis> axes, String... categories) {
		return new DemoProduct(handle, title, description, tax, List.of(categories), price, step, axes);
	}

}
