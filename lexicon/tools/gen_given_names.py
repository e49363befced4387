#!/usr/bin/env python3
"""Generate lexicon/given_names.tsv from the hand-curated lists below.

Arabic-script names get their bare-alif spelling added automatically (أحمد -> احمد).
gender: m, f, or u (either). script: ar or latin.
Usage: python3 lexicon/tools/gen_given_names.py > lexicon/given_names.tsv
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arabic import alif_variants, clean  # noqa: E402

# Arabic / Muslim given names, masculine
AR_M = """محمد محمود أحمد علي عمر عثمان حسن حسين خالد عبد الله عبدالله عبد الرحمن عبدالرحمن عبد العزيز عبدالعزيز
عبد الرحيم عبد الكريم عبدالكريم عبد المجيد عبد الفتاح عبدالفتاح عبد الحميد عبد الحكيم عبد الرزاق عبد الرؤوف عبد السلام
عبد الملك عبد الإله عبد القادر عبدالقادر عبد اللطيف عبد عبد الناصر عبد الوهاب عبد الغني عبد الباسط عبد الحليم
عبد الجليل عبد العظيم عبد المنعم عبد الخالق عبد الرحيم عبد الستار عبد الجبار عبد الحي عبد الواحد عبد المطلب عبد الأمير
إبراهيم إسماعيل إسحاق يعقوب يوسف موسى عيسى داود سليمان يحيى زكريا يونس إلياس أيوب آدم نوح هارون
مصطفى مرتضى مجتبى مهدي هادي جعفر صادق كاظم رضا باقر تقي نقي عباس حمزة طه ياسين
سعيد سعد سعود سلطان سلمان سالم سليم سامي سامر سمير سامح ساجد صالح صلاح صلاح الدين صبري صفوان
فيصل فهد فهمي فؤاد فاروق فارس فراس فادي فتحي فخري فريد فايز فوزي فيصل
ناصر نصر نبيل نبيه نادر نزار نجيب نعيم نوري نور الدين نواف نايف ناجي نشأت
ماجد مازن مالك مأمون منصور منذر منير مروان مراد مصعب معاذ معتز مؤيد مشعل محسن مختار مدحت
جمال جميل جاسم جابر جلال جواد جهاد جبريل
حمد حامد حماد حمدي حازم حاتم حارث حافظ حبيب حسام حسني حكمت حلمي حمدان حيدر
كمال كريم كامل كاظم
لؤي لطفي ليث
وليد وائل وسيم وحيد وجدي
رامي رائد رياض رشيد رفيق رفعت رمزي رضوان رأفت ربيع رجب رمضان
زياد زيد زهير زكي زين العابدين
طارق طلال طاهر طلعت
ظافر
غازي غسان غالب
قاسم قيس قتيبة قصي
أسامة أسعد أشرف أكرم أمين أنس أنور أيمن إياد إيهاب أمجد أدهم أنيس أحمد
بشار بشير بكر بلال باسل باسم بدر بهاء
تامر تميم توفيق تركي
ثامر ثائر
شريف شاكر شادي شوقي شفيق شهاب شكري
عادل عاطف عامر عزيز عصام عماد عمرو عوض عدنان عارف عاصم عبيدة عثمان عزت عقيل علاء عماد عمران عوني عيد
هشام هاني هيثم همام هلال
يزيد ياسر يسري يامن
مهند مؤمن منتصر مختار ممدوح مجدي
خليل خليفة خميس خير الدين
حميد حمود
زايد راشد مكتوم نهيان
نجم الدين بدر الدين شمس الدين سيف الدين سيف الإسلام
مقتدى نوري
قابوس هيثم تميم
""".split()

AR_F = """فاطمة عائشة خديجة مريم زينب سارة هاجر آمنة حليمة أسماء سمية رقية صفية حفصة
ليلى ليلي نور نورا نوال نادية نجلاء نجوى نهى نسرين نعمت نبيلة
هدى هند هالة هبة هيفاء هناء
رانيا رنا ريم رشا رغد روان ربى رحاب رجاء رزان رهف
سلمى سميرة سعاد سهى سوزان سناء سهير سلوى
منى مها ميساء منال مي ملك مريم ميادة
لينا لمى لبنى لطيفة
دعاء دينا ديما
جميلة جيهان
أمل إيمان إلهام أميرة انتصار ابتسام
غادة
زهرة زهراء
عبير علياء عفاف عزة
فرح فدوى فريدة
بثينة بشرى
تسنيم
شيماء شهد
ياسمين يسرى
وفاء وداد
كوثر
""".split()

# foreign given names as written in Arabic-script news (with common variants)
AR_FOREIGN_M = """جون جورج جيمس جيم جو جوزيف جوزيف ديفيد دافيد دونالد باراك بيل بوب روبرت ريتشارد ريك مايكل مايك ميخائيل
وليام ويليام توماس توم تيم بيتر بيير بول باول مارك ماركو مارتن ماثيو متى أندرو أندريه اندريه أنتوني أنطونيو
ستيفن ستيف ستيفان ستافان كريستوفر كريس تشارلز شارل تشارلي تشاك دانيال دانيل داني إدوارد ادوارد إدواردو
هنري فرانك فرانسوا فرانسيس فرانسيسكو جاك جان جيرار جيروم كيفن كيفين لويس لويد ليون لاري ريكس رون رونالد
سكوت شون شين نيكولاس نيكولا نيكولاي إيمانويل ايمانويل ماكسيم فيليب فيليبو فرانك
فلاديمير ديمتري دميتري سيرغي سيرجي سيرغيه يوري إيغور ايغور أليكسي ألكسي ألكسندر الكسندر أليكساندر ميخائيل
نيكولاي بوريس فاليري فيكتور يفغيني إيفان ايفان أناتولي غينادي أوليغ رمضان فياتشيسلاف فاسيلي بافل بافيل
فولوديمير بيترو أولكسندر أوليكسي دينيس رستم
ينس يانس هانس هانز كلاوس فرانك هيلموت غيرهارد فولكر أولاف فريدريش يوهان يواكيم هايكو زيغمار
جوزيبي سيلفيو ماتيو ماريو باولو لويجي أنطونيو جورجيو سيرجيو كارلو إنريكو
خوسيه خوان كارلوس بيدرو ميغيل مانويل لويس خافيير خورخي فيرناندو فرناندو رافائيل هوغو نيكولاس
بنيامين نفتالي يائير أفيغدور إيهود أرييل شمعون إسحاق يتسحاق موشيه موشي بيني يوآف غادي أفيف يوسي
رجب مولود هاكان دولت أكرم بولنت
شينزو فوميو يوشيهيدي تارو
ميشيل ميشال
ناريندرا راهول
إيمرسون
""".split()

AR_FOREIGN_F = """هيلاري هيلارى كوندوليزا أنجيلا انجيلا أنغيلا ماري ماريا ماريا ماريان مارين كاثرين كاترين كاترينا
إليزابيث اليزابيث تيريزا تيريزا ليز جيل ميشيل ميشال ميلانيا إيفانكا ايفانكا نانسي كامالا سامانثا سوزان سوزان
نيكي جين جينا ليندا كارين كارولين سارة سارا فيديريكا فيدريكا أورسولا اورسولا كايا كريستين كريستينا
فالنتينا يوليا يوليا ناتاليا تاتيانا إيلينا ايلينا أولغا اولغا سفيتلانا
جورجيا إيزابيل ايزابيل صوفيا آن آنا آنّا لورا جوليا إيما ايما أوليفيا
تسيبي غولدا
""".split()

LATIN_M = """John James Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark
Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob
Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick
Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle Ethan Walter Noah
Jeremy Christian Keith Roger Terry Gerald Harold Sean Austin Carl Arthur Lawrence Dylan Jesse Jordan Bryan Billy
Joe Bruce Gabriel Logan Albert Willie Alan Juan Wayne Elijah Randy Roy Vincent Ralph Eugene Russell Bobby Mason
Philip Louis Barack Bill Mike Jim Tom Tony Ted Rex Chuck Ash Jake Ned Pete Kash Marco Mitch Lindsey Bernie Hillary
Vladimir Dmitry Dmitri Sergey Sergei Yuri Igor Alexei Alexey Aleksandr Mikhail Nikolai Boris Valery Viktor
Yevgeny Ivan Anatoly Oleg Vyacheslav Vasily Pavel Volodymyr Petro Oleksandr Oleksii Andriy Andrii Denys Rustem
Jens Hans Klaus Helmut Gerhard Volker Olaf Friedrich Johann Joachim Heiko Sigmar Frank-Walter Horst Wolfgang
Emmanuel Francois François Nicolas Jean Jacques Pierre Laurent Gerard Gérard Alain Manuel Michel Dominique
Giuseppe Silvio Matteo Mario Paolo Luigi Antonio Giorgio Sergio Carlo Enrico Federico Fabio
Pedro Miguel Carlos Javier Jorge Fernando Rafael Hugo Luis Alberto Diego Felipe Josep Mariano Alfonso
Benjamin Naftali Yair Avigdor Ehud Ariel Shimon Isaac Yitzhak Moshe Benny Yoav Gideon Itamar Bezalel Reuven Yossi
Recep Tayyip Ahmet Mehmet Mustafa Mevlut Hakan Binali Kemal Devlet Ekrem Ibrahim Hulusi
Shinzo Fumio Yoshihide Taro Narendra Rahul Imran Nawaz Shehbaz Asif Ashraf Hamid Ali Mohammed Mohammad Muhammad
Ahmed Ahmad Abdullah Hassan Hussein Omar Khaled Khalid Mahmoud Mohamed Youssef Yusuf Saad Salman Faisal Tamim
Kofi Antonio António Staffan Geir Lakhdar Jean-Claude Josep Herman Mark Jens Anders
""".split()

LATIN_F = """Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret Sandra
Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia
Kathleen Amy Shirley Angela Helen Anna Brenda Pamela Nicole Emma Samantha Katherine Christine Debra Rachel
Catherine Carolyn Janet Ruth Maria Heather Diane Virginia Julie Joyce Victoria Olivia Kelly Christina Lauren
Joan Evelyn Judith Megan Cheryl Andrea Hannah Martha Jacqueline Frances Gloria Ann Teresa Kathryn Sara Janice
Jean Alice Madison Doris Abigail Julia Judy Grace Denise Amber Marilyn Beverly Danielle Theresa Sophia Marie
Diana Brittany Natalie Isabella Charlotte Rose Alexis Kayla Hillary Condoleezza Kamala Nikki Jen Gina Tulsi
Karine Karoline Nancy Theresa Liz Ursula Federica Kaja Kristalina Christine Angela Annalena Giorgia Marine
Valentina Maria Yulia Natalia Tatiana Elena Olga Svetlana Tzipi Golda Melania Ivanka Michelle Roberta Ségolène
Elisabeth Élisabeth Catherine Penny Priti Suella Yvette Rachel Jacinda Sanna Mette Magdalena
""".split()

# more Arabic given names (general knowledge)
AR_M += """إدريس عبدالرحيم عبدالحليم عبداللطيف عبدالواحد عبدالمجيد عبدالحميد عبدالسلام عبدالإله عبدالناصر عبدالوهاب
عزام وضاح نذير نظير نزيه نبهان نعمان نمر هاشم هادي هيثم وجيه وديع ياسين يعرب يمان أكثم أسامة أيهم إلياس
بسام بهجت بطرس بولس جرجس جبران حنا ميخائيل يوحنا إلياس الياس نقولا نجيب سليم أنطوان انطوان جوزيف شربل
جورج إميل اميل ميشيل رفيق وديع غسان سركيس كميل فؤاد عصمت مدحت شوكت عزمي رشدي حسني مجدي لبيب صفوت ثروت
زكريا مختار مبروك مسعود ميلود عبدالقادر عبدالكريم
علاء الدين عز الدين صلاح الدين محيي الدين تاج الدين شرف الدين جمال الدين كمال الدين عماد الدين حسام الدين
سيف النصر نصر الدين ضياء الدين فخر الدين
أبوبكر ابوبكر عبدالرزاق عبدالغني عبدالمنعم عبدالعظيم عبدالجبار عبدالستار عبدالخالق عبدالحكيم عبدالملك عبدالمطلب
مجاهد مرعي مشاري مساعد متعب منصور مقرن نايف بندر تركي عبدالعزيز سطام ممدوح مشهور عوض عياد عيسى
أحمدي حميد رحيم رسول جواد علي مرتضى محسن مسعود منوشهر مهدي حسن
رجائي صبحي فتحي مصطفى شحاتة شعبان عبده عاشور حمادة حمدي عطية فرج فوزي مصيلحي
صدام عدي قصي طارق عزة ناجي لطيف عدنان جلال عبدالله
""".split()

AR_F += """شيرين ناريمان يسرا يسرى نبيلة نيللي ليلى هيام سعاد فيروز ماجدة نجاة وردة شادية سميحة فاتن
رجاء عفاف منيرة نوال أحلام سهام إلهام بسمة بشرى حنان جيهان سوسن سميرة عبلة غادة فايزة ميرفت نادين
هيفاء نانسي إليسا اليسا أصالة لطيفة أنغام شيرين رولا ريما لمياء نهلة ثريا فيفي يسرية زينات تحية
""".split()

AR_FOREIGN_M += """رافايل رافائيل روفائيل هورست ديرك ديفيد رايمون ريمون صامويل سامويل إرنست ارنست أندري أندريه
ليوناردو كارميلو كيانو ألبرت البرت ألبرتو البرتو أليكس اليكس أليساندرو ألساندرو فرانشيسكو فابيو فابيان
روبرتو رونالدو ريكاردو ريكارد رود روود روبن روبين رايان ريان غاري جاري ستيوارت ستيفن ستيفان ستيف
تيري تييري زين الدين دييغو ديغو ليونيل تياغو تياجو ماركوس ماريو ميروسلاف لوكاس لوكا لوك كريستيانو
فرانك فرانز فيليب فيليبي جوزيه جوزي خوسيه خوسي خوزيه لويس لويز أنطونيو انطونيو باولو بابلو بيدرو
غوستافو جوستافو إدغار ادغار إدسون ادسون فرناندو هرنان هيرنان خوليو كيكي راؤول راوول إيكر ايكر
تشارلز تشارلي جاك جيمي جيم كيفن كيث نيل نايجل غوردون جوردون توني طوني ديفيد ديفيس براين برايان
بيتر بيير باتريك باتريس دومينيك ديدييه ديديه جيروم جيرار لوران لوران كلود ميشال ميشيل أرسين ارسين
أوليفييه اوليفييه نيكولا سيباستيان سيبستيان برونو آلان الان إريك اريك إيريك ماتياس ماتيو
هيرمان هرمان كورت كارل يورغن يورجن يوشكا فالتر والتر فولفغانغ ولفغانغ هانز هانس ميخائيل يوهانس
يان جان ماركو مارك ماركوس أندرياس اندرياس توماس توماش ميلان ياروسلاف بوهوسلاف
دونالد رونالد جيمي جيرالد ريتشارد ليندون دوايت فرانكلين أبراهام ابراهام ثيودور وودرو
كولن كوندي ديك دونالد بول بول بول جون جوني جوناثان جوشوا آرون ارون ناثان نثان
إيغور ايغور ديميتري ميخائيل سيرغي سيرجي غينادي يفغيني فلاديمير نيكيتا ليونيد يوري ألكسندر
تشين تشانغ وانغ جيانغ دينغ ماو كيم بارك شينزو جونيتشيرو كويزومي
أتال راجيف سونيا إنديرا انديرا أميتاب اميتاب شاروخان سلمان عامر برويز بينظير نواز
كوفي نيلسون ديزموند ثابو جاكوب روبرت عمر أولوسيغون اولوسيغون غودلاك
هوغو فيدل راؤول إيفو ايفو لولا ميشيل أوغستو
أرييل ارييل إيهود ايهود شاؤول شاؤل عمير عامير دوف داني شلومو زئيف يوفال رافي
""".split()

AR_FOREIGN_F += """جولي جوليا جولييت ماريا مارييا ماري مارى ميري ماريانا كاترين كاثرين كريستينا كريستين
هيلين هيلينا إلينا ايلينا صوفي صوفيا ناتالي ناتالي نيكول سيلين سيلينا شاكيرا مادونا بريتني
أنجلينا انجلينا جينيفر جنيفر نيكول كيت كيرا شارون سيغولين سيجولين ميشيل لورا لورين روزا رزا
فيكتوريا أنيتا انيتا إيفا ايفا إيلين ايلين ديانا دايانا كارلا سارة مارغريت مارجريت غولدا
""".split()


def rows():
    seen = set()
    out = []

    def add(name, script, gender):
        key = (name, script)
        if key in seen:
            # a name listed under both genders becomes u
            for i, (n, sc, g) in enumerate(out):
                if (n, sc) == key and g != gender:
                    out[i] = (n, sc, "u")
            return
        seen.add(key)
        out.append((name, script, gender))

    # multi-word Arabic names are written with a space in the lists above only as "عبد X"; re-join them
    def ar_tokens(words):
        res = []
        i = 0
        while i < len(words):
            w = words[i]
            if w in ("عبد", "زين", "نور", "صلاح", "خير", "نجم", "بدر", "شمس", "سيف", "علاء", "عز", "محيي", "تاج", "شرف", "جمال", "كمال", "عماد", "حسام", "ضياء", "فخر", "نصر") and i + 1 < len(words) and (
                words[i + 1].startswith("ال")
            ):
                res.append(w + " " + words[i + 1])
                i += 2
                continue
            res.append(w)
            i += 1
        return res

    for lst, g in ((AR_M, "m"), (AR_FOREIGN_M, "m"), (AR_F, "f"), (AR_FOREIGN_F, "f")):
        for n in ar_tokens(lst):
            for v in alif_variants(clean(n)):
                add(v, "ar", g)
    for lst, g in ((LATIN_M, "m"), (LATIN_F, "f")):
        for n in lst:
            add(n, "latin", g)
    return out


def main():
    w = sys.stdout
    w.write("# Generated by lexicon/tools/gen_given_names.py (hand-curated lists). Edit the script, then regenerate.\n")
    w.write("name\tscript\tgender\n")
    for n, s, g in rows():
        w.write(f"{n}\t{s}\t{g}\n")


if __name__ == "__main__":
    main()
